"""The Huber loss with delta = beta: beta times Smooth L1."""
import numpy as np

EXPECTED_MISTAKE = "Huber loss instead"


def smooth_l1_loss(pred, target, beta=1.0):
    d = np.abs(pred - target)
    return np.where(d < beta, 0.5 * d * d, beta * (d - 0.5 * beta)).mean()
