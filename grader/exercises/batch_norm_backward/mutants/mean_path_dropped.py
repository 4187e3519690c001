"""Forgets that the mean depends on x: no -sum(dxhat) term."""
from _base import stats

EXPECTED_MISTAKE = "the mean's or variance's path dropped"


def batch_norm_backward(x, gamma, dout, eps=1e-5):
    N = x.shape[0]
    inv, xhat = stats(x, eps)
    g = dout * gamma
    dx = inv / N * (N * g - xhat * (g * xhat).sum(axis=0))
    return dx, (dout * xhat).sum(axis=0), dout.sum(axis=0)
