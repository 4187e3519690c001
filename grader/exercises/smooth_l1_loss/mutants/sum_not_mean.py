"""Sums over the elements."""
import numpy as np

EXPECTED_MISTAKE = "sum instead of mean"


def smooth_l1_loss(pred, target, beta=1.0):
    d = np.abs(pred - target)
    if beta == 0:
        return d.sum()
    return np.where(d < beta, 0.5 * d * d / beta, d - 0.5 * beta).sum()
