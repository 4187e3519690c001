"""One row at a time, sums in Python."""
import math

import numpy as np

TOO_SLOW = True


def layer_norm_backward(x, gamma, dout, eps=1e-5):
    D = x.shape[-1]
    x2, d2 = x.reshape(-1, D), dout.reshape(-1, D)
    dx, dgamma, dbeta = np.empty_like(x2), np.zeros_like(gamma), np.zeros_like(gamma)
    gl = gamma.tolist()
    for m in range(x2.shape[0]):
        row, dr = x2[m].tolist(), d2[m].tolist()
        mu = sum(row) / D
        inv = 1.0 / math.sqrt(sum((v - mu) ** 2 for v in row) / D + eps)
        xhat = [(v - mu) * inv for v in row]
        g = [a * b for a, b in zip(dr, gl)]
        s1, s2 = sum(g), sum(a * h for a, h in zip(g, xhat))
        dx[m] = [inv / D * (D * g[i] - s1 - xhat[i] * s2) for i in range(D)]
        dgamma += np.array([a * h for a, h in zip(dr, xhat)], dtype=x.dtype)
        dbeta += d2[m]
    return dx.reshape(x.shape), dgamma, dbeta
