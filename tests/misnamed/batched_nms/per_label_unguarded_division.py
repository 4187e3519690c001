"""Batched NMS, one greedy pass per label, whose IoU divides 0/0 on two empty boxes: NaN, and the filter
`iou <= threshold` drops the box. Once named "suppressed at IoU == threshold" (its variant gives the same
on the zero-area case at threshold 0), although the code keeps a box at IoU == threshold, as a passed
check shows."""
import numpy as np

EXPECTED_MISTAKE = "NaN IoU from 0/0 (zero union)"


def _nms(boxes, scores, iou_threshold):
    x1, y1, x2, y2 = boxes.T
    areas = (x2 - x1) * (y2 - y1)
    order, keep = np.argsort(-scores, kind="stable"), []
    while order.size:
        best, rest = order[0], order[1:]
        keep.append(best)
        w = np.maximum(0.0, np.minimum(x2[best], x2[rest]) - np.maximum(x1[best], x1[rest]))
        h = np.maximum(0.0, np.minimum(y2[best], y2[rest]) - np.maximum(y1[best], y1[rest]))
        inter = w * h
        with np.errstate(invalid="ignore"):
            iou = inter / (areas[best] + areas[rest] - inter)  # (len(rest),) NaN where both are empty
        order = rest[iou <= iou_threshold]
    return np.array(keep, dtype=np.int64)


def batched_nms(boxes, scores, labels, iou_threshold):
    kept = [np.flatnonzero(labels == c)[_nms(boxes[labels == c], scores[labels == c], iou_threshold)]
            for c in np.unique(labels)]
    kept = np.concatenate(kept) if kept else np.zeros(0, dtype=np.int64)
    return kept[np.lexsort((kept, -scores[kept]))].astype(np.int64)  # by decreasing score, ties by index
