"""Forgets the quadratic zone: the mean absolute difference, whatever beta."""
import numpy as np

EXPECTED_MISTAKE = "plain L1"


def smooth_l1_loss(pred, target, beta=1.0):
    return np.abs(pred - target).mean()
