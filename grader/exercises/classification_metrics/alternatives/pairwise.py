"""Correct but too slow: the definition as a (P, N) comparison matrix (O(P N) memory and time, 15x at the
speed check's size); AP from np.unique's distinct thresholds."""
import numpy as np

TOO_SLOW = True


def roc_auc(y_true, y_score):
    s = y_score.astype(np.float64)
    d = s[y_true == 1][:, None] - s[y_true == 0][None, :]
    return float(np.mean(d > 0) + 0.5 * np.mean(d == 0))


def average_precision(y_true, y_score):
    s = y_score.astype(np.float64)
    thresholds = np.unique(s)[::-1]
    predicted = s[None, :] >= thresholds[:, None]  # (T, n)
    tp = (predicted & (y_true == 1)).sum(1)
    precision, recall = tp / predicted.sum(1), tp / (y_true == 1).sum()
    return float(np.sum(np.diff(np.r_[0.0, recall]) * precision))
