"""Batched NMS by the offset trick with the shift label * (max + 1), which lets boxes with negative
coordinates overlap across labels, visiting ties higher index first. Once named "score ties in arbitrary
order" (it fits any tie order, so it explained both tie failures); now the precise names split those,
and the offset, which explains as many and is found first, is named."""
import numpy as np

EXPECTED_MISTAKE = "offset trick breaks on negative coordinates"


def batched_nms(boxes, scores, labels, iou_threshold):
    if len(boxes) == 0:
        return np.zeros(0, dtype=np.int64)
    shifted = boxes + (labels * (boxes.max() + 1))[:, None]  # (N, 4)
    x1, y1, x2, y2 = shifted.T
    areas = (x2 - x1) * (y2 - y1)
    order = scores.argsort()[::-1]  # quicksort: past 16 boxes, ties come out scrambled
    keep = []
    while order.size:
        best, rest = order[0], order[1:]
        keep.append(best)
        w = np.maximum(0.0, np.minimum(x2[best], x2[rest]) - np.maximum(x1[best], x1[rest]))
        h = np.maximum(0.0, np.minimum(y2[best], y2[rest]) - np.maximum(y1[best], y1[rest]))
        inter = w * h
        union = areas[best] + areas[rest] - inter
        iou = np.divide(inter, union, out=np.zeros_like(inter), where=union > 0)  # (len(rest),)
        order = rest[iou <= iou_threshold]
    return np.array(keep, dtype=np.int64)
