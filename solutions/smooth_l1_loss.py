"""Smooth L1 loss in NumPy, exactly like torch.nn.functional.smooth_l1_loss."""
from __future__ import annotations

import numpy as np


def smooth_l1_loss(pred: np.ndarray, target: np.ndarray, beta: float = 1.0) -> np.floating:
    """Reference solution: quadratic inside |d| < beta, linear outside, averaged."""
    d = np.abs(pred - target)
    if beta == 0:  # the quadratic zone is empty: plain L1, and no division by zero
        return d.mean()
    loss = np.where(d < beta, 0.5 * d * d / beta, d - 0.5 * beta)  # both branches are finite
    return loss.mean()
