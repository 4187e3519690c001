"""Class-aware non-maximum suppression in NumPy, like torchvision.ops.batched_nms."""
from __future__ import annotations

import numpy as np


def _nms(boxes: np.ndarray, scores: np.ndarray, iou_threshold: float) -> np.ndarray:
    """Greedy NMS (the `nms` exercise): kept indices into `boxes`, by decreasing score."""
    x1, y1, x2, y2 = boxes[:, 0], boxes[:, 1], boxes[:, 2], boxes[:, 3]  # (N,) each
    areas = (x2 - x1) * (y2 - y1)  # (N,)
    order = np.argsort(-scores, kind="stable")  # (N,), ties: lower index first
    keep = []
    while order.size > 0:
        i, rest = order[0], order[1:]
        keep.append(i)
        w = np.clip(np.minimum(x2[i], x2[rest]) - np.maximum(x1[i], x1[rest]), 0, None)  # (R,)
        h = np.clip(np.minimum(y2[i], y2[rest]) - np.maximum(y1[i], y1[rest]), 0, None)  # (R,)
        inter = w * h
        union = areas[i] + areas[rest] - inter
        order = rest[inter / np.where(union > 0, union, 1) <= iou_threshold]
    return np.array(keep, dtype=np.int64)


def batched_nms(boxes: np.ndarray, scores: np.ndarray, labels: np.ndarray, iou_threshold: float) -> np.ndarray:
    """Reference solution: one greedy NMS per label, then one stable sort of everything kept."""
    kept = []
    for label in np.unique(labels):
        members = np.flatnonzero(labels == label)  # (n_label,) indices into boxes, increasing
        kept.append(members[_nms(boxes[members], scores[members], iou_threshold)])  # back to global indices
    keep = np.sort(np.concatenate(kept)) if kept else np.zeros(0, dtype=np.int64)  # (K,) by index
    # Stable sort of an index-ordered array: equal scores keep the lower index first.
    return keep[np.argsort(-scores[keep], kind="stable")].astype(np.int64)
