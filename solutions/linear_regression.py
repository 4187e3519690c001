"""Linear and ridge regression in NumPy: the closed form and full-batch gradient descent."""
from __future__ import annotations

import numpy as np


def fit_linear_regression(X: np.ndarray, y: np.ndarray, l2: float = 0.0) -> tuple[np.ndarray, float]:
    """Reference solution: centre, then lstsq (l2 == 0) or the regularised normal equations."""
    X, y = X.astype(np.float64), y.astype(np.float64)
    N, D = X.shape
    mx, my = X.mean(axis=0), y.mean()  # (D,), ()
    Xc, yc = X - mx, y - my  # (N, D), (N,)
    if l2 == 0:
        w = np.linalg.lstsq(Xc, yc, rcond=None)[0]  # (D,)
    else:
        w = np.linalg.solve(Xc.T @ Xc + N * l2 * np.eye(D), Xc.T @ yc)  # (D,)
    return w, float(my - mx @ w)


def linear_regression_gd(X: np.ndarray, y: np.ndarray, lr: float, steps: int,
                         l2: float = 0.0) -> tuple[np.ndarray, float, np.ndarray]:
    """Reference solution: full-batch gradient descent on mean((Xw + b - y)^2) / 2 + l2 / 2 |w|^2."""
    X, y = X.astype(np.float64), y.astype(np.float64)
    N, D = X.shape
    w, b = np.zeros(D), 0.0
    losses = np.empty(steps)
    for t in range(steps):
        r = X @ w + b - y  # (N,)
        losses[t] = 0.5 * np.mean(r ** 2) + 0.5 * l2 * (w @ w)
        w, b = w - lr * (X.T @ r / N + l2 * w), b - lr * r.mean()
    return w, float(b), losses
