"""Correct but slow: the definition in pure Python. Passes correctness, fails the speed check."""
import numpy as np

TOO_SLOW = True


def iou(a, b):
    w = max(0.0, min(a[2], b[2]) - max(a[0], b[0]))
    h = max(0.0, min(a[3], b[3]) - max(a[1], b[1]))
    inter = w * h
    union = (a[2] - a[0]) * (a[3] - a[1]) + (b[2] - b[0]) * (b[3] - b[1]) - inter
    return inter / union if union > 0 else 0.0


def batched_nms(boxes, scores, labels, iou_threshold):
    rows, s, c = boxes.tolist(), scores.tolist(), labels.tolist()
    order = sorted(range(len(s)), key=lambda i: (-s[i], i))
    suppressed = [False] * len(s)
    keep = []
    for a, i in enumerate(order):
        if suppressed[i]:
            continue
        keep.append(i)
        for j in order[a + 1:]:
            if not suppressed[j] and c[j] == c[i] and iou(rows[i], rows[j]) > iou_threshold:
                suppressed[j] = True
    return np.array(keep, dtype=np.int64)
