"""Returns the right boxes, but sorted by index instead of by decreasing score."""
import numpy as np
from _base import greedy

EXPECTED_MISTAKE = "kept indices in index order"


def nms(boxes, scores, iou_threshold):
    return np.sort(np.array(greedy(boxes, np.argsort(-scores, kind="stable"), iou_threshold), dtype=np.int64))
