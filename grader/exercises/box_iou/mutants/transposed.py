"""Returns (M, N): rows follow boxes2."""
import numpy as np
from _base import corners, safe_divide

EXPECTED_MISTAKE = "output transposed"


def box_iou(boxes1, boxes2):
    (u1, v1, u2, v2), (x1, y1, x2, y2) = corners(boxes2, boxes1)
    inter = np.clip(np.minimum(x2, u2) - np.maximum(x1, u1), 0, None) * \
        np.clip(np.minimum(y2, v2) - np.maximum(y1, v1), 0, None)
    union = (x2 - x1) * (y2 - y1) + (u2 - u1) * (v2 - v1) - inter
    return safe_divide(inter, union).astype(boxes1.dtype)
