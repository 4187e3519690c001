"""Right boxes, returned sorted by index."""
import numpy as np
from _base import nms

EXPECTED_MISTAKE = "kept indices in index order"


def batched_nms(boxes, scores, labels, iou_threshold):
    kept = [np.zeros(0, dtype=np.int64)]
    for label in np.unique(labels):
        members = np.flatnonzero(labels == label)
        kept.append(members[nms(boxes[members], scores[members], iou_threshold)])
    return np.sort(np.concatenate(kept))
