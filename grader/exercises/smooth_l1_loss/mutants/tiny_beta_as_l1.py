"""Treats every beta below 1e-5 as plain L1 (as one public detection library does, to avoid dividing by a
tiny beta): torch computes the formula for every beta > 0, and only beta == 0 is plain L1."""
import numpy as np

EXPECTED_MISTAKE = "plain L1"


def smooth_l1_loss(pred, target, beta=1.0):
    d = np.abs(pred - target)
    if beta < 1e-5:
        return d.mean()
    return np.where(d < beta, 0.5 * d * d / beta, d - 0.5 * beta).mean()
