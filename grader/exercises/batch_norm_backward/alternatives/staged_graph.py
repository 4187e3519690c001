"""CS231n's staged backward: through var, then mu, then x, node by node."""
import numpy as np


def batch_norm_backward(x, gamma, dout, eps=1e-5):
    N = x.shape[0]
    mu = x.mean(axis=0)
    xc = x - mu
    var = (xc ** 2).mean(axis=0)
    std = np.sqrt(var + eps)
    xhat = xc / std
    dxhat = dout * gamma
    dvar = (dxhat * xc).sum(axis=0) * -0.5 * std ** -3
    dmu = -(dxhat / std).sum(axis=0) + dvar * (-2.0 * xc).mean(axis=0)
    dx = dxhat / std + dvar * 2.0 * xc / N + dmu / N
    return dx, (dout * xhat).sum(axis=0), dout.sum(axis=0)
