"""Rows as a (M, D) matrix, projection form with means, reshaped back."""
import numpy as np


def layer_norm_backward(x, gamma, dout, eps=1e-5):
    shape, D = x.shape, x.shape[-1]
    x2, d2 = x.reshape(-1, D), dout.reshape(-1, D)
    std = np.sqrt(x2.var(axis=1, keepdims=True) + eps)
    xhat = (x2 - x2.mean(axis=1, keepdims=True)) / std
    g = d2 * gamma
    dx = (g - g.mean(axis=1, keepdims=True) - xhat * (g * xhat).mean(axis=1, keepdims=True)) / std
    return dx.reshape(shape), np.einsum("md,md->d", d2, xhat), d2.sum(axis=0)
