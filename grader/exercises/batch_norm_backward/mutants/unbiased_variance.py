"""The compact formula, but with np.var(ddof=1)."""
from _base import stats

EXPECTED_MISTAKE = "unbiased variance"


def batch_norm_backward(x, gamma, dout, eps=1e-5):
    N = x.shape[0]
    inv, xhat = stats(x, eps, ddof=1)
    g = dout * gamma
    dx = inv / N * (N * g - g.sum(axis=0) - xhat * (g * xhat).sum(axis=0))
    return dx, (dout * xhat).sum(axis=0), dout.sum(axis=0)
