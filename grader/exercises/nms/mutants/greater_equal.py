"""Suppresses when IoU >= threshold instead of IoU > threshold."""
import numpy as np
from _base import greedy

EXPECTED_MISTAKE = "suppressed at IoU == threshold"


def nms(boxes, scores, iou_threshold):
    order = np.argsort(-scores, kind="stable")
    return np.array(greedy(boxes, order, iou_threshold, suppress=lambda iou, t: iou >= t), dtype=np.int64)
