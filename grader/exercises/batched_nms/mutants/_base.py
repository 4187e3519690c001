"""Not a mutant: the correct pieces the mutants in this folder reuse (so each differs by one mistake)."""
import numpy as np


def nms(boxes, scores, thr):
    """Correct greedy NMS: kept indices into boxes, by decreasing score (ties: lower index first)."""
    order = np.argsort(-scores, kind="stable")
    areas = (boxes[:, 2] - boxes[:, 0]) * (boxes[:, 3] - boxes[:, 1])
    keep = []
    while order.size:
        i, rest = order[0], order[1:]
        keep.append(i)
        lt = np.maximum(boxes[i, :2], boxes[rest, :2])
        rb = np.minimum(boxes[i, 2:], boxes[rest, 2:])
        wh = np.clip(rb - lt, 0, None)
        inter = wh[:, 0] * wh[:, 1]
        union = areas[i] + areas[rest] - inter
        order = rest[inter <= thr * union]
    return np.array(keep, dtype=np.int64)


def by_score(keep, scores):
    keep = np.sort(keep)
    return keep[np.argsort(-scores[keep], kind="stable")].astype(np.int64)
