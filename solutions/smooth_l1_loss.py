"""Smooth L1 loss in NumPy, exactly like torch.nn.functional.smooth_l1_loss."""
from __future__ import annotations

import numpy as np


def smooth_l1_loss(pred: np.ndarray, target: np.ndarray, beta: float = 1.0) -> np.floating:
    """Reference solution: split |d| into its quadratic part min(|d|, beta) and its linear rest."""
    d = np.abs(pred - target)
    if beta == 0:  # the quadratic zone is empty: plain L1, and no division by zero
        return d.mean()
    # q = min(|d|, beta): inside the zone q = |d| gives 0.5 d^2 / beta and the rest is 0;
    # outside, q = beta gives beta/2 and the rest |d| - beta adds up to |d| - beta/2.
    q = np.minimum(d, beta)
    return (0.5 * q * q / beta + (d - q)).mean()
