"""Not a mutant: the correct functions the mutants in this folder reuse."""
import numpy as np


def roc_auc(y_true, y_score):
    pos = y_true.astype(bool)
    P = int(pos.sum()); N = pos.size - P
    _, inv, counts = np.unique(y_score.astype(np.float64), return_inverse=True, return_counts=True)
    r = (np.cumsum(counts) - (counts - 1) / 2.0)[inv.reshape(-1)]
    return float((r[pos].sum() - P * (P + 1) / 2.0) / (P * N))


def average_precision(y_true, y_score):
    order = np.argsort(-y_score, kind="stable")
    y = y_true[order].astype(np.float64)
    tp, fp = np.cumsum(y), np.cumsum(1 - y)
    last = np.r_[np.diff(y_score[order]) != 0, True]
    tp, fp = tp[last], fp[last]
    return float(np.sum(np.diff(np.r_[0.0, tp / tp[-1]]) * tp / (tp + fp)))
