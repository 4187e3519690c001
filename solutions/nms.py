"""Greedy non-maximum suppression in NumPy, like torchvision.ops.nms."""
from __future__ import annotations

import numpy as np


def nms(boxes: np.ndarray, scores: np.ndarray, iou_threshold: float) -> np.ndarray:
    """Reference solution: one Python step per kept box, each step vectorised over the rest."""
    x1, y1, x2, y2 = boxes[:, 0], boxes[:, 1], boxes[:, 2], boxes[:, 3]  # (N,) each
    areas = (x2 - x1) * (y2 - y1)  # (N,)
    # Decreasing score; the stable sort of -scores keeps equal scores in index order.
    order = np.argsort(-scores, kind="stable")  # (N,)
    keep = []
    while order.size > 0:
        i, rest = order[0], order[1:]
        keep.append(i)
        w = np.clip(np.minimum(x2[i], x2[rest]) - np.maximum(x1[i], x1[rest]), 0, None)  # (R,)
        h = np.clip(np.minimum(y2[i], y2[rest]) - np.maximum(y1[i], y1[rest]), 0, None)  # (R,)
        inter = w * h
        union = areas[i] + areas[rest] - inter
        iou = inter / np.where(union > 0, union, 1)  # 0 where both boxes are empty
        order = rest[iou <= iou_threshold]  # only boxes kept so far suppress: the survivors go on
    return np.array(keep, dtype=np.int64)
