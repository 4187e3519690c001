"""LayerNorm (over the last axis) backward, derived by hand, in NumPy."""
from __future__ import annotations

import numpy as np


def layer_norm_backward(x: np.ndarray, gamma: np.ndarray, dout: np.ndarray,
                        eps: float = 1e-5) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Reference solution: BatchNorm's compact formula along the last axis."""
    D = x.shape[-1]
    inv = 1.0 / np.sqrt(x.var(axis=-1, keepdims=True) + eps)  # (..., 1)
    xhat = (x - x.mean(axis=-1, keepdims=True)) * inv  # (..., D)
    g = dout * gamma  # (..., D): dL/dxhat
    dx = inv / D * (D * g - g.sum(axis=-1, keepdims=True) - xhat * (g * xhat).sum(axis=-1, keepdims=True))
    lead = tuple(range(x.ndim - 1))  # every axis but the features
    return dx, (dout * xhat).sum(axis=lead), dout.sum(axis=lead)
