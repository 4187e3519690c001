"""The compact formula feature by feature, sums in Python."""
import math

import numpy as np

TOO_SLOW = True


def batch_norm_backward(x, gamma, dout, eps=1e-5):
    N, D = x.shape
    dx, dgamma, dbeta = np.empty_like(x), np.empty_like(gamma), np.empty_like(gamma)
    for d in range(D):
        col, g_col = x[:, d].tolist(), dout[:, d].tolist()
        mu = sum(col) / N
        var = sum((v - mu) ** 2 for v in col) / N
        inv = 1.0 / math.sqrt(var + eps)
        xhat = [(v - mu) * inv for v in col]
        s1 = sum(g_col)
        s2 = sum(g * h for g, h in zip(g_col, xhat))
        for n in range(N):
            dx[n, d] = gamma[d] * inv / N * (N * g_col[n] - s1 - xhat[n] * s2)
        dgamma[d], dbeta[d] = s2, s1
    return dx, dgamma, dbeta
