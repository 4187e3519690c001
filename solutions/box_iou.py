"""Pairwise intersection-over-union of two sets of boxes in NumPy, like torchvision.ops.box_iou."""
from __future__ import annotations

import numpy as np


def box_iou(boxes1: np.ndarray, boxes2: np.ndarray) -> np.ndarray:
    """Reference solution: each coordinate as a column (N, 1) broadcast against a row (1, M)."""
    x1, y1, x2, y2 = (boxes1[:, k, None] for k in range(4))  # four (N, 1) columns
    u1, v1, u2, v2 = (boxes2[None, :, k] for k in range(4))  # four (1, M) rows
    w = np.clip(np.minimum(x2, u2) - np.maximum(x1, u1), 0, None)  # (N, M); disjoint boxes overlap by 0, not less
    h = np.clip(np.minimum(y2, v2) - np.maximum(y1, v1), 0, None)  # (N, M)
    inter = w * h
    union = (x2 - x1) * (y2 - y1) + (u2 - u1) * (v2 - v1) - inter  # (N, 1) + (1, M) - (N, M)
    # Two empty boxes: 0/0. Divide by 1 there instead (inter is 0 anyway): no NaN and no warning.
    iou = inter / np.where(union > 0, union, 1)
    return iou.astype(boxes1.dtype, copy=False)
