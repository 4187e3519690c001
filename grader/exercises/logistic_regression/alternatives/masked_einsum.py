"""Correct: the two branches of the sigmoid written into a buffer with boolean masks, einsum for the products."""
import numpy as np


def _sigmoid(z):
    out = np.empty_like(z)
    pos = z >= 0
    out[pos] = 1.0 / (1.0 + np.exp(-z[pos]))
    ez = np.exp(z[~pos])
    out[~pos] = ez / (1.0 + ez)
    return out


def predict_proba(X, w, b):
    return _sigmoid(np.einsum("nd,d->n", X.astype(np.float64), w) + b)


def fit_logistic_regression(X, y, lr, steps, l2=0.0):
    X, y = X.astype(np.float64), y.astype(np.float64)
    N, D = X.shape
    w, b = np.zeros(D), 0.0
    losses = np.zeros(steps)
    for t in range(steps):
        z = np.einsum("nd,d->n", X, w) + b
        losses[t] = np.logaddexp(0.0, z).mean() - np.einsum("n,n->", y, z) / N + l2 / 2 * np.einsum("d,d->", w, w)
        r = _sigmoid(z) - y
        w = w - lr * (np.einsum("nd,n->d", X, r) / N + l2 * w)
        b = b - lr * r.mean()
    return w, float(b), losses
