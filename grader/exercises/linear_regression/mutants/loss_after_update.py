"""The loss appended after each update instead of before it."""
import numpy as np
from _base import fit_linear_regression  # noqa: F401

EXPECTED_MISTAKE = "loss recorded after the update"


def linear_regression_gd(X, y, lr, steps, l2=0.0):
    X, y = X.astype(np.float64), y.astype(np.float64)
    N, D = X.shape
    w, b, losses = np.zeros(D), 0.0, []
    for _ in range(steps):
        r = X @ w + b - y
        w, b = w - lr * (X.T @ r / N + l2 * w), b - lr * r.mean()
        r = X @ w + b - y
        losses.append(0.5 * np.mean(r ** 2) + 0.5 * l2 * (w @ w))
    return w, float(b), np.array(losses)
