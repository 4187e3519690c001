"""Correct: shift each label's boxes by label * (max - min + 1) so labels cannot overlap, then one NMS."""
import numpy as np


def nms(boxes, scores, thr):
    order = np.argsort(-scores, kind="stable")
    areas = (boxes[:, 2] - boxes[:, 0]) * (boxes[:, 3] - boxes[:, 1])
    keep = []
    while order.size:
        i, rest = order[0], order[1:]
        keep.append(i)
        lt = np.maximum(boxes[i, :2], boxes[rest, :2])
        rb = np.minimum(boxes[i, 2:], boxes[rest, 2:])
        wh = np.clip(rb - lt, 0, None)
        inter = wh[:, 0] * wh[:, 1]
        union = areas[i] + areas[rest] - inter
        order = rest[inter <= thr * union]  # IoU <= thr, with no division (0 <= 0 when both are empty)
    return np.array(keep, dtype=np.int64)


def batched_nms(boxes, scores, labels, iou_threshold):
    if len(boxes) == 0:
        return np.zeros(0, dtype=np.int64)
    boxes64 = boxes.astype(np.float64)  # the shift must not cost precision
    rank = np.unique(labels, return_inverse=True)[1]  # labels as 0, 1, 2, ...
    span = boxes64.max() - boxes64.min() + 1
    return nms(boxes64 + (rank * span)[:, None], scores, iou_threshold)
