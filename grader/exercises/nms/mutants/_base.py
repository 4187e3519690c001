"""Not a mutant: the correct pieces the mutants in this folder reuse (so each differs by one mistake)."""
import numpy as np


def iou_one_to_many(boxes, i, rest, plus=0.0):
    """IoU of box i with the boxes `rest` (an index array); 0 where the union is 0."""
    x1, y1, x2, y2 = boxes[:, 0], boxes[:, 1], boxes[:, 2], boxes[:, 3]
    w = np.clip(np.minimum(x2[i], x2[rest]) - np.maximum(x1[i], x1[rest]) + plus, 0, None)
    h = np.clip(np.minimum(y2[i], y2[rest]) - np.maximum(y1[i], y1[rest]) + plus, 0, None)
    inter = w * h
    areas = (x2 - x1 + plus) * (y2 - y1 + plus)
    union = areas[i] + areas[rest] - inter
    return inter / np.where(union > 0, union, 1)


def greedy(boxes, order, threshold, suppress=lambda iou, t: iou > t, plus=0.0):
    """Greedy NMS over a given visiting order; returns the kept indices as a list."""
    keep = []
    while order.size > 0:
        i, rest = order[0], order[1:]
        keep.append(int(i))
        order = rest[~suppress(iou_one_to_many(boxes, i, rest, plus), threshold)]
    return keep
