"""NMS that visits boxes in np.argsort(scores)[::-1] order: ties go higher index first (and, past 16
boxes, NumPy's unstable quicksort scrambles them). Once named "score ties in arbitrary order", a name
that fits any tie order: the precise one must win."""
import numpy as np

EXPECTED_MISTAKE = "score ties broken by the higher index"


def nms(boxes, scores, iou_threshold):
    x1, y1, x2, y2 = boxes.T
    areas = (x2 - x1) * (y2 - y1)
    order = scores.argsort()[::-1]
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
