"""The gradient of the mean loss taken as X.T @ r (and r.sum()), without / N."""
from _base import fit_linear_regression, linear_regression_gd as _gd  # noqa: F401

EXPECTED_MISTAKE = "gradient not divided by N"


def linear_regression_gd(X, y, lr, steps, l2=0.0):
    return _gd(X, y, lr, steps, l2, divide=False)
