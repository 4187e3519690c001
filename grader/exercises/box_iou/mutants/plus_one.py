"""Uses the old integer-pixel convention: width = x2 - x1 + 1."""
import numpy as np
from _base import corners, safe_divide

EXPECTED_MISTAKE = "+1 pixel convention"


def box_iou(boxes1, boxes2):
    (x1, y1, x2, y2), (u1, v1, u2, v2) = corners(boxes1, boxes2)
    w = np.clip(np.minimum(x2, u2) - np.maximum(x1, u1) + 1, 0, None)
    h = np.clip(np.minimum(y2, v2) - np.maximum(y1, v1) + 1, 0, None)
    inter = w * h
    union = (x2 - x1 + 1) * (y2 - y1 + 1) + (u2 - u1 + 1) * (v2 - v1 + 1) - inter
    return safe_divide(inter, union).astype(boxes1.dtype)
