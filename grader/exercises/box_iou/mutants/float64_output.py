"""Right values, but float32 boxes give a float64 result."""
import numpy as np
from _base import corners, safe_divide

EXPECTED_MISTAKE = None  # reported as a wrong dtype


def box_iou(boxes1, boxes2):
    (x1, y1, x2, y2), (u1, v1, u2, v2) = corners(boxes1.astype(np.float64), boxes2.astype(np.float64))
    inter = np.clip(np.minimum(x2, u2) - np.maximum(x1, u1), 0, None) * \
        np.clip(np.minimum(y2, v2) - np.maximum(y1, v1), 0, None)
    union = (x2 - x1) * (y2 - y1) + (u2 - u1) * (v2 - v1) - inter
    return safe_divide(inter, union)
