"""ROC-AUC and average precision in NumPy, like sklearn.metrics."""
from __future__ import annotations

import numpy as np


def average_ranks(s: np.ndarray) -> np.ndarray:
    """1-based ranks of s, tied values sharing the mean of the ranks they span."""
    _, inv, counts = np.unique(s, return_inverse=True, return_counts=True)
    end = np.cumsum(counts)  # (U,) last 1-based rank of each distinct value
    mean_rank = end - (counts - 1) / 2.0  # (U,)
    return mean_rank[inv.reshape(-1)]  # (n,)


def roc_auc(y_true: np.ndarray, y_score: np.ndarray) -> float:
    pos = np.asarray(y_true).astype(bool)
    P = int(pos.sum()); N = pos.size - P
    r = average_ranks(np.asarray(y_score, dtype=np.float64))
    return float((r[pos].sum() - P * (P + 1) / 2.0) / (P * N))


def average_precision(y_true: np.ndarray, y_score: np.ndarray) -> float:
    s = np.asarray(y_score, dtype=np.float64)
    order = np.argsort(-s, kind="stable")
    y = np.asarray(y_true)[order].astype(np.float64)  # (n,) labels by decreasing score
    tp, fp = np.cumsum(y), np.cumsum(1.0 - y)
    last = np.r_[np.diff(s[order]) != 0, True]  # the last position of each run of tied scores
    tp, fp = tp[last], fp[last]  # (T,) one entry per threshold
    precision, recall = tp / (tp + fp), tp / tp[-1]
    return float(np.sum(np.diff(np.r_[0.0, recall]) * precision))
