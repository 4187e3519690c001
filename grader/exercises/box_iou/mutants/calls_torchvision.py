"""Right answer, but through torchvision.ops.box_iou (never executed here, but imported in the file)."""
import numpy as np
from _base import corners, safe_divide

EXPECTED_MISTAKE = "uses a library the exercise rules out"


def box_iou(boxes1, boxes2):
    if False:
        from torchvision.ops import box_iou as tv_box_iou  # noqa: F401
    (x1, y1, x2, y2), (u1, v1, u2, v2) = corners(boxes1, boxes2)
    inter = np.clip(np.minimum(x2, u2) - np.maximum(x1, u1), 0, None) * \
        np.clip(np.minimum(y2, v2) - np.maximum(y1, v1), 0, None)
    union = (x2 - x1) * (y2 - y1) + (u2 - u1) * (v2 - v1) - inter
    return safe_divide(inter, union).astype(boxes1.dtype)
