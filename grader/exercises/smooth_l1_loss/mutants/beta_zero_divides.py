"""Right for beta > 0, but divides by beta = 0 inside np.where."""
import numpy as np

EXPECTED_MISTAKE = "division by beta = 0"


def smooth_l1_loss(pred, target, beta=1.0):
    d = np.abs(pred - target)
    return np.where(d < beta, 0.5 * d * d / beta, d - 0.5 * beta).mean()
