"""Correct: sigmoid(z) = (1 + tanh(z / 2)) / 2, loss via max(z, 0) + log1p(exp(-|z|)) - y z, bias as a column."""
import numpy as np


def predict_proba(X, w, b):
    return 0.5 * (1.0 + np.tanh(0.5 * (X.astype(np.float64) @ w + b)))


def fit_logistic_regression(X, y, lr, steps, l2=0.0):
    X, y = X.astype(np.float64), y.astype(np.float64)
    N, D = X.shape
    Xa = np.c_[X, np.ones(N)]
    theta = np.zeros(D + 1)
    mask = np.r_[np.ones(D), 0.0]
    losses = []
    for _ in range(steps):
        z = Xa @ theta
        sp = np.maximum(z, 0) + np.log1p(np.exp(-np.abs(z)))
        losses.append(np.mean(sp - y * z) + 0.5 * l2 * np.sum((theta * mask) ** 2))
        p = 0.5 * (1.0 + np.tanh(0.5 * z))
        theta = theta - lr * (Xa.T @ (p - y) / N + l2 * mask * theta)
    return theta[:D], float(theta[D]), np.array(losses)
