"""Linear piece |d| instead of |d| - beta/2."""
import numpy as np

EXPECTED_MISTAKE = "linear piece misses -beta/2"


def smooth_l1_loss(pred, target, beta=1.0):
    d = np.abs(pred - target)
    if beta == 0:
        return d.mean()
    return np.where(d < beta, 0.5 * d * d / beta, d).mean()
