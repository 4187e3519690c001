"""Not a mutant: the correct pieces the mutants in this folder reuse."""
import numpy as np


def sigmoid(z):
    e = np.exp(-np.abs(z))
    return np.where(z >= 0, 1.0 / (1.0 + e), e / (1.0 + e))


def predict_proba(X, w, b):
    return sigmoid(X.astype(np.float64) @ w + b)


def loss(z, y):
    return np.mean(np.logaddexp(0.0, z) - y * z)


def fit(X, y, lr, steps, l2=0.0, sign=1.0, bias_l2=0.0, sig=sigmoid, lossf=loss):
    X, y = X.astype(np.float64), y.astype(np.float64)
    N, D = X.shape
    w, b, losses = np.zeros(D), 0.0, np.empty(steps)
    for t in range(steps):
        z = X @ w + b
        losses[t] = lossf(z, y) + 0.5 * l2 * (w @ w) + 0.5 * bias_l2 * b * b
        g = sign * (sig(z) - y) / N
        w, b = w - lr * (X.T @ g + l2 * w), b - lr * (g.sum() + bias_l2 * b)
    return w, float(b), losses
