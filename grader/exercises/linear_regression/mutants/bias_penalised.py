"""A column of ones appended to X and penalised with the weights (closed form and GD)."""
import numpy as np
from _base import linear_regression_gd as _gd

EXPECTED_MISTAKE = "bias penalised"


def fit_linear_regression(X, y, l2=0.0):
    Xa = np.c_[X.astype(np.float64), np.ones(len(X))]
    sol = np.linalg.lstsq(Xa, y.astype(np.float64), rcond=None)[0] if l2 == 0 else \
        np.linalg.solve(Xa.T @ Xa + len(X) * l2 * np.eye(Xa.shape[1]), Xa.T @ y.astype(np.float64))
    return sol[:-1], float(sol[-1])


def linear_regression_gd(X, y, lr, steps, l2=0.0):
    return _gd(X, y, lr, steps, l2, bias_l2=l2)
