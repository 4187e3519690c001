"""Right answer, but the file imports torchvision's batched_nms (never executed here)."""
import numpy as np
from _base import by_score, nms

EXPECTED_MISTAKE = "uses a library the exercise rules out"


def batched_nms(boxes, scores, labels, iou_threshold):
    if False:
        from torchvision.ops import batched_nms as tv_batched_nms  # noqa: F401
    kept = [np.zeros(0, dtype=np.int64)]
    for label in np.unique(labels):
        members = np.flatnonzero(labels == label)
        kept.append(members[nms(boxes[members], scores[members], iou_threshold)])
    return by_score(np.concatenate(kept), scores)
