"""Mean squared error, whatever beta."""
import numpy as np

EXPECTED_MISTAKE = "mean squared error"


def smooth_l1_loss(pred, target, beta=1.0):
    return ((pred - target) ** 2).mean()
