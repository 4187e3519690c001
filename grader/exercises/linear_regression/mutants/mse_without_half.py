"""The tutorials' MSE: loss mean(r ** 2) and gradient 2 / N * X.T @ r (the spec's loss is mean(r ** 2) / 2)."""
import numpy as np
from _base import fit_linear_regression  # noqa: F401

EXPECTED_MISTAKE = "gradient of mean(r^2) instead of mean(r^2) / 2"


def linear_regression_gd(X, y, lr, steps, l2=0.0):
    X, y = X.astype(np.float64), y.astype(np.float64)
    N, D = X.shape
    w, b, losses = np.zeros(D), 0.0, np.empty(steps)
    for t in range(steps):
        r = X @ w + b - y
        losses[t] = np.mean(r ** 2) + 0.5 * l2 * (w @ w)
        w, b = w - lr * (2 / N * X.T @ r + l2 * w), b - lr * 2 * r.mean()
    return w, float(b), losses
