"""Right indices, returned as a Python list."""
import numpy as np
from _base import greedy

EXPECTED_MISTAKE = None  # reported as "expected a NumPy array … returned a list"


def nms(boxes, scores, iou_threshold):
    return greedy(boxes, np.argsort(-scores, kind="stable"), iou_threshold)
