"""The gradient taken as X.T (y - p) / N and still subtracted: gradient ascent on the loss."""
from _base import fit, predict_proba  # noqa: F401

EXPECTED_MISTAKE = "gradient sign"


def fit_logistic_regression(X, y, lr, steps, l2=0.0):
    return fit(X, y, lr, steps, l2, sign=-1.0)
