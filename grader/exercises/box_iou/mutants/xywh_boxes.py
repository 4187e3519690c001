"""Reads the boxes as (x, y, width, height)."""
import numpy as np

EXPECTED_MISTAKE = "boxes read as (x, y, w, h)"


def box_iou(boxes1, boxes2):
    x1, y1, w1, h1 = (boxes1[:, k, None] for k in range(4))
    x2, y2, w2, h2 = (boxes2[None, :, k] for k in range(4))
    w = np.clip(np.minimum(x1 + w1, x2 + w2) - np.maximum(x1, x2), 0, None)
    h = np.clip(np.minimum(y1 + h1, y2 + h2) - np.maximum(y1, y2), 0, None)
    inter = w * h
    union = w1 * h1 + w2 * h2 - inter
    return (inter / np.where(union > 0, union, 1)).astype(boxes1.dtype)
