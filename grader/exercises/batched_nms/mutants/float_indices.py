"""Right indices, as floats."""
import numpy as np
from _base import by_score, nms

EXPECTED_MISTAKE = "indices as floats"


def batched_nms(boxes, scores, labels, iou_threshold):
    kept = [np.zeros(0)]  # float64: the concatenation becomes float
    for label in np.unique(labels):
        members = np.flatnonzero(labels == label)
        kept.append(members[nms(boxes[members], scores[members], iou_threshold)])
    keep = np.concatenate(kept)
    return keep[np.argsort(-scores[keep.astype(int)], kind="stable")]
