"""Ranks from argsort of argsort: tied scores get distinct ranks in index order; AP steps per sample."""
import numpy as np

EXPECTED_MISTAKE = "ties broken by order"


def roc_auc(y_true, y_score):
    ranks = np.argsort(np.argsort(y_score, kind="stable"), kind="stable") + 1
    P = int(y_true.sum()); N = len(y_true) - P
    return float((ranks[y_true == 1].sum() - P * (P + 1) / 2) / (P * N))


def average_precision(y_true, y_score):
    y = y_true[np.argsort(-y_score, kind="stable")].astype(np.float64)
    tp = np.cumsum(y)
    precision, recall = tp / np.arange(1, len(y) + 1), tp / tp[-1]
    return float(np.sum(np.diff(np.r_[0.0, recall]) * precision))
