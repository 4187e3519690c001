"""BatchNorm (training mode, (N, D), over axis 0) backward, derived by hand, in NumPy."""
from __future__ import annotations

import numpy as np


def batch_norm_backward(x: np.ndarray, gamma: np.ndarray, dout: np.ndarray,
                        eps: float = 1e-5) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Reference solution: recompute xhat, then the compact dx formula."""
    N = x.shape[0]
    inv = 1.0 / np.sqrt(x.var(axis=0) + eps)  # (D,): biased variance, as in training
    xhat = (x - x.mean(axis=0)) * inv  # (N, D)
    g = dout * gamma  # (N, D): dL/dxhat
    dx = inv / N * (N * g - g.sum(axis=0) - xhat * (g * xhat).sum(axis=0))  # (N, D)
    return dx, (dout * xhat).sum(axis=0), dout.sum(axis=0)
