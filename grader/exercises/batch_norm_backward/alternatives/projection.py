"""dx as a projection: remove the mean of dxhat and its component along xhat, then scale by 1/std."""
import numpy as np


def batch_norm_backward(x, gamma, dout, eps=1e-5):
    std = np.sqrt(x.var(axis=0) + eps)
    xhat = (x - x.mean(axis=0)) / std
    g = dout * gamma
    dx = (g - g.mean(axis=0) - xhat * (g * xhat).mean(axis=0)) / std
    return dx, np.einsum("nd,nd->d", dout, xhat), dout.sum(axis=0)
