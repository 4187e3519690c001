"""Plain NMS over all boxes: labels are never looked at."""
from _base import nms

EXPECTED_MISTAKE = "labels ignored"


def batched_nms(boxes, scores, labels, iou_threshold):
    return nms(boxes, scores, iou_threshold)
