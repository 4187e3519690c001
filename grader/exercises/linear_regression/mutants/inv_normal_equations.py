"""The textbook formula w = inv(X.T X) X.T y on the augmented matrix (bias left out of the ridge penalty)."""
import numpy as np
from _base import linear_regression_gd  # noqa: F401

EXPECTED_MISTAKE = "normal equations with inv on ill-conditioned X"


def fit_linear_regression(X, y, l2=0.0):
    Xa = np.c_[X.astype(np.float64), np.ones(len(X))]
    P = len(X) * l2 * np.eye(Xa.shape[1])
    P[-1, -1] = 0.0
    sol = np.linalg.inv(Xa.T @ Xa + P) @ Xa.T @ y.astype(np.float64)
    return sol[:-1], float(sol[-1])
