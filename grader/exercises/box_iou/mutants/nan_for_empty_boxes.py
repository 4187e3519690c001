"""Divides without guarding union == 0: two zero-area boxes give 0/0 = NaN (torchvision does the same)."""
import numpy as np
from _base import corners

EXPECTED_MISTAKE = "NaN for two empty boxes"


def box_iou(boxes1, boxes2):
    (x1, y1, x2, y2), (u1, v1, u2, v2) = corners(boxes1, boxes2)
    inter = np.clip(np.minimum(x2, u2) - np.maximum(x1, u1), 0, None) * \
        np.clip(np.minimum(y2, v2) - np.maximum(y1, v1), 0, None)
    union = (x2 - x1) * (y2 - y1) + (u2 - u1) * (v2 - v1) - inter
    with np.errstate(invalid="ignore", divide="ignore"):
        return (inter / union).astype(boxes1.dtype)
