"""IoU with the integer-pixel convention: widths x2 - x1 + 1."""
import numpy as np
from _base import greedy

EXPECTED_MISTAKE = "+1 pixel convention"


def nms(boxes, scores, iou_threshold):
    return np.array(greedy(boxes, np.argsort(-scores, kind="stable"), iou_threshold, plus=1.0), dtype=np.int64)
