"""Compares boxes1[i] with boxes2[i] only (crashes when N != M)."""
import numpy as np

EXPECTED_MISTAKE = "element-wise, not pairwise"


def box_iou(boxes1, boxes2):
    top_left = np.maximum(boxes1[:, :2], boxes2[:, :2])  # (N, 2): no pairing
    bottom_right = np.minimum(boxes1[:, 2:], boxes2[:, 2:])
    wh = np.clip(bottom_right - top_left, 0, None)
    inter = wh[:, 0] * wh[:, 1]
    area1 = (boxes1[:, 2] - boxes1[:, 0]) * (boxes1[:, 3] - boxes1[:, 1])
    area2 = (boxes2[:, 2] - boxes2[:, 0]) * (boxes2[:, 3] - boxes2[:, 1])
    union = area1 + area2 - inter
    return (inter / np.where(union > 0, union, 1)).astype(boxes1.dtype)
