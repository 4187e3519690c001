"""The offset trick with torchvision's shift, label * (max + 1): labels overlap when coordinates are negative."""
import numpy as np
from _base import nms

EXPECTED_MISTAKE = "offset trick breaks on negative coordinates"


def batched_nms(boxes, scores, labels, iou_threshold):
    if len(boxes) == 0:
        return np.zeros(0, dtype=np.int64)
    boxes64 = boxes.astype(np.float64)
    shifted = boxes64 + (labels * (boxes64.max() + 1))[:, None]
    return nms(shifted, scores, iou_threshold)
