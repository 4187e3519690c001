"""Correct: fill each zone through a boolean mask, on a new array."""
import numpy as np


def smooth_l1_loss(pred, target, beta=1.0):
    d = np.abs(pred - target)
    loss = d - 0.5 * beta
    inside = d < beta
    loss[inside] = 0.5 * d[inside] ** 2 / beta  # empty when beta == 0: no division happens
    return loss.mean()
