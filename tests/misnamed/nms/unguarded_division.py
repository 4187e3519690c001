"""NMS that divides by the union without a guard, otherwise right: two zero-area boxes give 0/0 = NaN, and
the filter `iou <= threshold` drops the box. Once told only "its largest IoU ... is 0"."""
import numpy as np

EXPECTED_MISTAKE = "NaN IoU from 0/0 (zero union)"


def nms(boxes, scores, iou_threshold):
    order = scores.argsort(kind="stable")[::-1].copy()
    order = order[np.lexsort((order, -scores[order]))]  # by decreasing score, ties by index
    keep = []
    while len(order):
        top = order[0]
        keep.append(top)
        others = boxes[order[1:]]
        lt = np.maximum(boxes[top, :2], others[:, :2])  # (R, 2)
        rb = np.minimum(boxes[top, 2:], others[:, 2:])  # (R, 2)
        inter = np.prod(np.clip(rb - lt, 0, None), axis=1)
        area = lambda b: (b[..., 2] - b[..., 0]) * (b[..., 3] - b[..., 1])  # noqa: E731
        with np.errstate(invalid="ignore"):
            iou = inter / (area(boxes[top]) + area(others) - inter)
        order = order[1:][iou <= iou_threshold]
    return np.array(keep, dtype=np.int64)
