"""Per-label NMS is right, but the final merge uses np.argsort(-scores) (unstable): ties in any order."""
import numpy as np
from _base import nms

EXPECTED_MISTAKE = None  # named where the tie order comes out scrambled (seed-dependent)


def batched_nms(boxes, scores, labels, iou_threshold):
    kept = [np.zeros(0, dtype=np.int64)]
    for label in np.unique(labels)[::-1]:
        members = np.flatnonzero(labels == label)
        kept.append(members[nms(boxes[members], scores[members], iou_threshold)])
    keep = np.concatenate(kept)
    return keep[np.argsort(-scores[keep])]
