"""Right indices, returned as floats."""
import numpy as np
from _base import greedy

EXPECTED_MISTAKE = "indices as floats"


def nms(boxes, scores, iou_threshold):
    keep = np.zeros(0)
    for i in greedy(boxes, np.argsort(-scores, kind="stable"), iou_threshold):
        keep = np.append(keep, i)  # np.zeros(0) is float64, so every index becomes a float
    return keep
