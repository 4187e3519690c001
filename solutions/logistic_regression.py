"""Logistic regression in NumPy: a stable sigmoid and full-batch gradient descent on the mean BCE."""
from __future__ import annotations

import numpy as np


def predict_proba(X: np.ndarray, w: np.ndarray, b: float) -> np.ndarray:
    """Reference solution: sigmoid from exp(-|z|), which never overflows."""
    z = X.astype(np.float64) @ w + b  # (N,)
    e = np.exp(-np.abs(z))  # (N,) in (0, 1]
    return np.where(z >= 0, 1.0 / (1.0 + e), e / (1.0 + e))


def fit_logistic_regression(X: np.ndarray, y: np.ndarray, lr: float, steps: int,
                            l2: float = 0.0) -> tuple[np.ndarray, float, np.ndarray]:
    """Reference solution: the loss from the logits (logaddexp), the gradient X.T (p - y) / N."""
    X, y = X.astype(np.float64), y.astype(np.float64)
    N, D = X.shape
    w, b = np.zeros(D), 0.0
    losses = np.empty(steps)
    for t in range(steps):
        z = X @ w + b  # (N,)
        losses[t] = np.mean(np.logaddexp(0.0, z) - y * z) + 0.5 * l2 * (w @ w)
        g = (predict_proba(X, w, b) - y) / N  # (N,) dLoss/dz
        w, b = w - lr * (X.T @ g + l2 * w), b - lr * g.sum()
    return w, float(b), losses
