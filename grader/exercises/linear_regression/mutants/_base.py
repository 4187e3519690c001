"""Not a mutant: the correct functions the mutants in this folder reuse."""
import numpy as np


def fit_linear_regression(X, y, l2=0.0):
    X, y = X.astype(np.float64), y.astype(np.float64)
    mx, my = X.mean(0), y.mean()
    Xc, yc = X - mx, y - my
    if l2 == 0:
        w = np.linalg.lstsq(Xc, yc, rcond=None)[0]
    else:
        w = np.linalg.solve(Xc.T @ Xc + len(X) * l2 * np.eye(X.shape[1]), Xc.T @ yc)
    return w, float(my - mx @ w)


def linear_regression_gd(X, y, lr, steps, l2=0.0, divide=True, bias_l2=0.0):
    X, y = X.astype(np.float64), y.astype(np.float64)
    N, D = X.shape
    n = N if divide else 1
    w, b, losses = np.zeros(D), 0.0, np.empty(steps)
    for t in range(steps):
        r = X @ w + b - y
        losses[t] = 0.5 * np.mean(r ** 2) + 0.5 * l2 * (w @ w) + 0.5 * bias_l2 * b * b
        w, b = w - lr * (X.T @ r / n + l2 * w), b - lr * (r.sum() / n + bias_l2 * b)
    return w, float(b), losses
