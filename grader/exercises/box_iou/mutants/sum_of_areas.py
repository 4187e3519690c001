"""Divides by area1 + area2 instead of the union."""
import numpy as np
from _base import corners, safe_divide

EXPECTED_MISTAKE = "divided by the sum of the areas"


def box_iou(boxes1, boxes2):
    (x1, y1, x2, y2), (u1, v1, u2, v2) = corners(boxes1, boxes2)
    inter = np.clip(np.minimum(x2, u2) - np.maximum(x1, u1), 0, None) * \
        np.clip(np.minimum(y2, v2) - np.maximum(y1, v1), 0, None)
    total = (x2 - x1) * (y2 - y1) + (u2 - u1) * (v2 - v1)
    return safe_divide(inter, total).astype(boxes1.dtype)
