"""Correct: the whole IoU matrix at once, then one pass over the sorted boxes with a 'suppressed' mask."""
import numpy as np


def nms(boxes, scores, iou_threshold):
    x1, y1, x2, y2 = (boxes[:, k] for k in range(4))
    areas = (x2 - x1) * (y2 - y1)
    w = np.clip(np.minimum(x2[:, None], x2[None]) - np.maximum(x1[:, None], x1[None]), 0, None)
    h = np.clip(np.minimum(y2[:, None], y2[None]) - np.maximum(y1[:, None], y1[None]), 0, None)
    inter = w * h
    union = areas[:, None] + areas[None] - inter
    iou = np.divide(inter, union, out=np.zeros_like(inter), where=union > 0)
    suppressed = np.zeros(len(boxes), dtype=bool)
    keep = []
    for i in np.argsort(-scores, kind="stable"):
        if suppressed[i]:
            continue
        keep.append(i)
        suppressed |= iou[i] > iou_threshold
    return np.asarray(keep, dtype=np.int64)
