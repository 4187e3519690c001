"""Linear near 0, quadratic far away."""
import numpy as np

EXPECTED_MISTAKE = "branches swapped"


def smooth_l1_loss(pred, target, beta=1.0):
    d = np.abs(pred - target)
    if beta == 0:
        return d.mean()
    return np.where(d < beta, d - 0.5 * beta, 0.5 * d * d / beta).mean()
