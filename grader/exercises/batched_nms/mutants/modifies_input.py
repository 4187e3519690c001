"""Right answer, but shifts the caller's boxes in place for the offset trick."""
import numpy as np
from _base import nms

EXPECTED_MISTAKE = "input modified in place"


def batched_nms(boxes, scores, labels, iou_threshold):
    if len(boxes) == 0:
        return np.zeros(0, dtype=np.int64)
    rank = np.unique(labels, return_inverse=True)[1]
    span = float(boxes.max() - boxes.min() + 1)
    boxes += (rank * span)[:, None].astype(boxes.dtype)  # in place: the caller's boxes move
    return nms(boxes, scores, iou_threshold)
