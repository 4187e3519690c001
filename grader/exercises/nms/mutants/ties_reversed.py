"""np.argsort(scores)[::-1]: decreasing score, but equal scores come higher index first."""
import numpy as np
from _base import greedy

EXPECTED_MISTAKE = "score ties broken by the higher index"


def nms(boxes, scores, iou_threshold):
    return np.array(greedy(boxes, np.argsort(scores, kind="stable")[::-1], iou_threshold), dtype=np.int64)
