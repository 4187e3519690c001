"""np.argsort(-scores) with the default (unstable) sort: ties come out in an arbitrary order."""
import numpy as np
from _base import greedy

EXPECTED_MISTAKE = "score ties in arbitrary order"


def nms(boxes, scores, iou_threshold):
    return np.array(greedy(boxes, np.argsort(-scores), iou_threshold), dtype=np.int64)
