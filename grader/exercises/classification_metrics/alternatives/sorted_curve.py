"""ROC-AUC as the trapezoid area of the ROC curve over distinct thresholds, sorted; AP with searchsorted."""
import numpy as np


def roc_auc(y_true, y_score):
    order = np.argsort(-y_score, kind="mergesort")
    s, y = y_score[order], y_true[order].astype(np.float64)
    last = np.r_[np.flatnonzero(np.diff(s)), len(s) - 1]
    tps, fps = np.cumsum(y)[last], np.cumsum(1 - y)[last]
    tpr, fpr = np.r_[0.0, tps / tps[-1]], np.r_[0.0, fps / fps[-1]]
    return float(np.sum(np.diff(fpr) * (tpr[1:] + tpr[:-1])) / 2)


def average_precision(y_true, y_score):
    s = np.sort(y_score.astype(np.float64))
    pos = np.sort(y_score[y_true == 1].astype(np.float64))
    thresholds = np.unique(s)[::-1]
    n_pred = len(s) - np.searchsorted(s, thresholds, side="left")  # predicted positive at each threshold
    tp = len(pos) - np.searchsorted(pos, thresholds, side="left")
    return float(np.sum(np.diff(np.r_[0.0, tp / len(pos)]) * tp / n_pred))
