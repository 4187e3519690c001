"""Right values, but shifts the caller's boxes in place (IoU does not change under a shift; boxes1 does)."""
import numpy as np
from _base import corners, safe_divide

EXPECTED_MISTAKE = "input modified in place"


def box_iou(boxes1, boxes2):
    if len(boxes1) and len(boxes2):
        shift = min(boxes1.min(), boxes2.min())
        boxes1 -= shift  # in place: the caller's array changes
        boxes2 = boxes2 - shift
    (x1, y1, x2, y2), (u1, v1, u2, v2) = corners(boxes1, boxes2)
    inter = np.clip(np.minimum(x2, u2) - np.maximum(x1, u1), 0, None) * \
        np.clip(np.minimum(y2, v2) - np.maximum(y1, v1), 0, None)
    union = (x2 - x1) * (y2 - y1) + (u2 - u1) * (v2 - v1) - inter
    return safe_divide(inter, union).astype(boxes1.dtype)
