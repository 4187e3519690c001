"""Returns a boolean 'kept' mask instead of the kept indices."""
import numpy as np
from _base import greedy

EXPECTED_MISTAKE = "a mask instead of indices"


def nms(boxes, scores, iou_threshold):
    mask = np.zeros(len(boxes), dtype=bool)
    mask[greedy(boxes, np.argsort(-scores, kind="stable"), iou_threshold)] = True
    return mask
