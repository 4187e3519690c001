"""Right boxes, but concatenated label after label instead of merged by score."""
import numpy as np
from _base import nms

EXPECTED_MISTAKE = "kept indices grouped by label"


def batched_nms(boxes, scores, labels, iou_threshold):
    kept = [np.zeros(0, dtype=np.int64)]
    for label in np.unique(labels):
        members = np.flatnonzero(labels == label)
        kept.append(members[nms(boxes[members], scores[members], iou_threshold)])
    return np.concatenate(kept)
