"""np.argsort(scores): visits the lowest score first."""
import numpy as np
from _base import greedy

EXPECTED_MISTAKE = "visited by increasing score"


def nms(boxes, scores, iou_threshold):
    return np.array(greedy(boxes, np.argsort(scores, kind="stable"), iou_threshold), dtype=np.int64)
