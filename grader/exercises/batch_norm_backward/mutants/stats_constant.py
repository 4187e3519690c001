"""Treats mean and variance as constants: dx = gamma * dout / std."""
from _base import stats

EXPECTED_MISTAKE = "the mean's or variance's path dropped"


def batch_norm_backward(x, gamma, dout, eps=1e-5):
    inv, xhat = stats(x, eps)
    return dout * gamma * inv, (dout * xhat).sum(axis=0), dout.sum(axis=0)
