"""A box is dropped if ANY higher-scoring box overlaps it, even one that was itself suppressed."""
import numpy as np
from _base import iou_one_to_many

EXPECTED_MISTAKE = "suppressed by a suppressed box"


def nms(boxes, scores, iou_threshold):
    order = np.argsort(-scores, kind="stable")
    keep = []
    for p, i in enumerate(order):
        earlier = order[:p]
        if earlier.size == 0 or not (iou_one_to_many(boxes, i, earlier) > iou_threshold).any():
            keep.append(i)
    return np.array(keep, dtype=np.int64)
