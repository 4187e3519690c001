"""Sorts the boxes, runs NMS on the sorted copy, and returns positions in the sorted array."""
import numpy as np
from _base import greedy

EXPECTED_MISTAKE = "positions in the sorted order returned"


def nms(boxes, scores, iou_threshold):
    order = np.argsort(-scores, kind="stable")
    sorted_boxes = boxes[order]
    return np.array(greedy(sorted_boxes, np.arange(len(boxes)), iou_threshold), dtype=np.int64)
