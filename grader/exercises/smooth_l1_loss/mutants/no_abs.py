"""Compares the signed difference with beta."""
import numpy as np

EXPECTED_MISTAKE = "absolute value missing"


def smooth_l1_loss(pred, target, beta=1.0):
    d = pred - target
    if beta == 0:
        return np.abs(d).mean()
    return np.where(d < beta, 0.5 * d * d / beta, d - 0.5 * beta).mean()
