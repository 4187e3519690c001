"""Staged through var and mu, node by node, over the last axis."""
import numpy as np


def layer_norm_backward(x, gamma, dout, eps=1e-5):
    D = x.shape[-1]
    xc = x - x.mean(axis=-1, keepdims=True)
    var = (xc ** 2).mean(axis=-1, keepdims=True)
    std = np.sqrt(var + eps)
    xhat = xc / std
    dxhat = dout * gamma
    dvar = (dxhat * xc).sum(axis=-1, keepdims=True) * -0.5 * std ** -3
    dmu = -(dxhat / std).sum(axis=-1, keepdims=True)
    dx = dxhat / std + dvar * 2.0 * xc / D + dmu / D
    lead = tuple(range(x.ndim - 1))
    return dx, (dout * xhat).sum(axis=lead), dout.sum(axis=lead)
