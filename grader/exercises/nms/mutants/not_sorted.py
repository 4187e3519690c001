"""Visits the boxes in index order: the scores are never used."""
import numpy as np
from _base import greedy

EXPECTED_MISTAKE = "boxes not visited by score"


def nms(boxes, scores, iou_threshold):
    return np.array(greedy(boxes, np.arange(len(boxes)), iou_threshold), dtype=np.int64)
