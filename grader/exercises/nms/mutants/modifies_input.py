"""Right answer, but zeroes the scores of suppressed boxes in the caller's array (Soft-NMS style)."""
import numpy as np
from _base import greedy

EXPECTED_MISTAKE = "input modified in place"


def nms(boxes, scores, iou_threshold):
    keep = greedy(boxes, np.argsort(-scores, kind="stable"), iou_threshold)
    dropped = np.setdiff1d(np.arange(len(scores)), keep)
    scores[dropped] = 0  # in place: the caller's scores change
    return np.array(keep, dtype=np.int64)
