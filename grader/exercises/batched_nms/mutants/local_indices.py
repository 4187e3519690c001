"""Returns positions within each label's subset instead of indices into boxes."""
import numpy as np
from _base import nms

EXPECTED_MISTAKE = "indices within the label returned"


def batched_nms(boxes, scores, labels, iou_threshold):
    kept = [np.zeros(0, dtype=np.int64)]
    for label in np.unique(labels):
        members = np.flatnonzero(labels == label)
        kept.append(nms(boxes[members], scores[members], iou_threshold))  # forgot members[...]
    return np.concatenate(kept)
