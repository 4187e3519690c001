"""Backward pass of a linear layer out = x @ W + b, derived by hand, in NumPy."""
from __future__ import annotations

import numpy as np


def linear_backward(x: np.ndarray, W: np.ndarray, b: np.ndarray,
                    dout: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Reference solution: two matmuls and a sum over the batch."""
    dx = dout @ W.T  # (N, D_out) @ (D_out, D_in) -> (N, D_in)
    dW = x.T @ dout  # (D_in, N) @ (N, D_out) -> (D_in, D_out)
    db = dout.sum(axis=0)  # (N, D_out) -> (D_out,): b was broadcast over the batch
    return dx, dW, db
