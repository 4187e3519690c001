"""Correct: a boolean 'alive' mask over the sorted boxes instead of a shrinking index array."""
import numpy as np


def nms(boxes, scores, iou_threshold):
    order = np.argsort(-scores, kind="stable")
    b = boxes[order]
    areas = (b[:, 2] - b[:, 0]) * (b[:, 3] - b[:, 1])
    alive = np.ones(len(b), dtype=bool)
    keep = []
    for i in range(len(b)):
        if not alive[i]:
            continue
        keep.append(order[i])
        tl = np.maximum(b[i, :2], b[i + 1:, :2])
        br = np.minimum(b[i, 2:], b[i + 1:, 2:])
        wh = np.clip(br - tl, 0, None)
        inter = wh[:, 0] * wh[:, 1]
        union = areas[i] + areas[i + 1:] - inter
        iou = np.where(union > 0, inter / np.where(union > 0, union, 1), 0)
        alive[i + 1:] &= iou <= iou_threshold
    return np.array(keep, dtype=np.int64)
