"""Gradient clipping by the global L2 norm in NumPy, like torch.nn.utils.clip_grad_norm_."""
from __future__ import annotations

import math

import numpy as np


def clip_grad_norm(grads: list[np.ndarray], max_norm: float) -> float:
    """Reference solution: one norm over all the gradients, one coefficient for all, applied in place."""
    if len(grads) == 0:
        return 0.0
    # sqrt of the sum of every squared element = the norm of the per-array norms
    total = math.sqrt(sum(float(np.vdot(g, g)) for g in grads))  # vdot flattens: no temporary g * g
    coef = min(max_norm / (total + 1e-6), 1.0)  # the 1e-6 keeps a zero gradient from dividing by zero
    for g in grads:
        g *= coef  # in place: the caller's arrays are the gradients
    return total
