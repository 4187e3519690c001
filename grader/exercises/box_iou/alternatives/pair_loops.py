"""Correct but slow: a Python double loop over every pair. Passes correctness, fails the speed check."""
import numpy as np

TOO_SLOW = True


def iou_one(a, b):
    w = max(0.0, min(a[2], b[2]) - max(a[0], b[0]))
    h = max(0.0, min(a[3], b[3]) - max(a[1], b[1]))
    inter = w * h
    union = (a[2] - a[0]) * (a[3] - a[1]) + (b[2] - b[0]) * (b[3] - b[1]) - inter
    return inter / union if union > 0 else 0.0


def box_iou(boxes1, boxes2):
    out = np.zeros((len(boxes1), len(boxes2)), dtype=boxes1.dtype)
    rows1, rows2 = boxes1.tolist(), boxes2.tolist()  # Python floats: the fastest a pure loop gets
    for i, a in enumerate(rows1):
        for j, b in enumerate(rows2):
            out[i, j] = iou_one(a, b)
    return out
