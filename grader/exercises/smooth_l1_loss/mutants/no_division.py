"""Quadratic piece 0.5 * d**2, not divided by beta."""
import numpy as np

EXPECTED_MISTAKE = "quadratic piece not divided by beta"


def smooth_l1_loss(pred, target, beta=1.0):
    d = np.abs(pred - target)
    return np.where(d < beta, 0.5 * d * d, d - 0.5 * beta).mean()
