"""Correct: one augmented system [X, 1], the penalty as extra rows sqrt(N l2) I (bias column 0), solved by lstsq."""
import numpy as np


def fit_linear_regression(X, y, l2=0.0):
    X, y = X.astype(np.float64), y.astype(np.float64)
    N, D = X.shape
    Xa = np.c_[X, np.ones(N)]
    rows = np.c_[np.sqrt(N * l2) * np.eye(D), np.zeros(D)]
    sol = np.linalg.lstsq(np.r_[Xa, rows], np.r_[y, np.zeros(D)], rcond=None)[0]
    return sol[:-1], float(sol[-1])


def linear_regression_gd(X, y, lr, steps, l2=0.0):
    X, y = X.astype(np.float64), y.astype(np.float64)
    N, D = X.shape
    theta = np.zeros(D + 1)  # (w, b) together
    Xa = np.c_[X, np.ones(N)]
    mask = np.r_[np.ones(D), 0.0]
    losses = []
    for _ in range(steps):
        r = Xa @ theta - y
        losses.append(r @ r / (2 * N) + 0.5 * l2 * (theta[:D] @ theta[:D]))
        theta = theta - lr * (Xa.T @ r / N + l2 * mask * theta)
    return theta[:D], float(theta[D]), np.array(losses)
