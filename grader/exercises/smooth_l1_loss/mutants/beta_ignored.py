"""Always uses beta = 1."""
import numpy as np

EXPECTED_MISTAKE = "beta ignored"


def smooth_l1_loss(pred, target, beta=1.0):
    d = np.abs(pred - target)
    return np.where(d < 1.0, 0.5 * d * d, d - 0.5).mean()
