"""Right answer, but the file imports torchvision's nms (never executed here)."""
import numpy as np
from _base import greedy

EXPECTED_MISTAKE = "uses a library the exercise rules out"


def nms(boxes, scores, iou_threshold):
    if False:
        from torchvision.ops import nms as tv_nms  # noqa: F401
    return np.array(greedy(boxes, np.argsort(-scores, kind="stable"), iou_threshold), dtype=np.int64)
