"""Correct but too slow: the loss and gradient accumulated one sample at a time in a Python loop."""
import math

import numpy as np

TOO_SLOW = True


def _sigmoid(z):
    return 1.0 / (1.0 + math.exp(-z)) if z >= 0 else math.exp(z) / (1.0 + math.exp(z))


def predict_proba(X, w, b):
    z = X.astype(np.float64) @ np.asarray(w, dtype=np.float64) + b
    return np.array([_sigmoid(float(v)) for v in z])


def fit_logistic_regression(X, y, lr, steps, l2=0.0):
    X, y = X.astype(np.float64), y.astype(np.float64)
    N, D = X.shape
    w, b = np.zeros(D), 0.0
    losses = []
    for _ in range(steps):
        gw, gb, loss = np.zeros(D), 0.0, 0.0
        for n in range(N):
            z = float(X[n] @ w + b)
            loss += (max(z, 0.0) + math.log1p(math.exp(-abs(z))) - y[n] * z) / N
            g = (_sigmoid(z) - y[n]) / N
            gw += g * X[n]
            gb += g
        losses.append(loss + 0.5 * l2 * (w @ w))
        w, b = w - lr * (gw + l2 * w), b - lr * gb
    return w, float(b), np.array(losses)
