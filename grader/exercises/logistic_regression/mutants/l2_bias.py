"""The penalty applied to the bias too."""
from _base import fit, predict_proba  # noqa: F401

EXPECTED_MISTAKE = "l2 on the bias"


def fit_logistic_regression(X, y, lr, steps, l2=0.0):
    return fit(X, y, lr, steps, l2, bias_l2=l2)
