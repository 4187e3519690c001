"""Correct: per label, the label's full IoU matrix and a 'suppressed' mask; labels visited in any order."""
import numpy as np


def nms_by_matrix(boxes, scores, thr):
    x1, y1, x2, y2 = boxes.T
    areas = (x2 - x1) * (y2 - y1)
    inter = np.clip(np.minimum.outer(x2, x2) - np.maximum.outer(x1, x1), 0, None) * \
        np.clip(np.minimum.outer(y2, y2) - np.maximum.outer(y1, y1), 0, None)
    union = np.add.outer(areas, areas) - inter
    over = inter > thr * union  # IoU > thr, without dividing
    suppressed = np.zeros(len(boxes), dtype=bool)
    keep = []
    for i in np.argsort(-scores, kind="stable"):
        if not suppressed[i]:
            keep.append(i)
            suppressed |= over[i]
    return np.array(keep, dtype=np.int64)


def batched_nms(boxes, scores, labels, iou_threshold):
    keep = np.zeros(0, dtype=np.int64)
    for label in set(labels.tolist()):  # a set: the order of labels must not matter
        members = np.flatnonzero(labels == label)
        keep = np.concatenate([keep, members[nms_by_matrix(boxes[members], scores[members], iou_threshold)]])
    order = np.lexsort((keep, -scores[keep]))  # by score, then by index
    return keep[order]
