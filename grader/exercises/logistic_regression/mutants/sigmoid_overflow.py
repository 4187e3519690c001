"""The textbook sigmoid 1 / (1 + exp(-z)) and the loss as -y log p - (1 - y) log(1 - p)."""
import numpy as np
from _base import fit


def _sig(z):
    return 1.0 / (1.0 + np.exp(-z))


def _loss(z, y):
    p = _sig(z)
    return np.mean(-y * np.log(p) - (1 - y) * np.log(1 - p))


EXPECTED_MISTAKE = "sigmoid overflow"


def predict_proba(X, w, b):
    return _sig(X.astype(np.float64) @ w + b)


def fit_logistic_regression(X, y, lr, steps, l2=0.0):
    return fit(X, y, lr, steps, l2, sig=_sig, lossf=_loss)
