"""Not a mutant: the correct pieces the mutants in this folder reuse (so each differs by one mistake)."""
import numpy as np


def pair(v):
    return (v, v) if isinstance(v, int) else (int(v[0]), int(v[1]))


def out_size(x, dw, sH, sW, pH, pW):
    return (x.shape[2] + 2 * pH - dw.shape[2]) // sH + 1, (x.shape[3] + 2 * pW - dw.shape[3]) // sW + 1


def pad(x, pH, pW):
    return np.pad(x, ((0, 0), (0, 0), (pH, pH), (pW, pW)))


def depthwise(x_pad, k, sH, sW, H_out, W_out):
    """k: (C, kH, kW), one kernel per channel."""
    N, C = x_pad.shape[:2]
    y = np.zeros((N, C, H_out, W_out), dtype=x_pad.dtype)
    for u in range(k.shape[1]):
        for v in range(k.shape[2]):
            y += x_pad[:, :, u:u + sH * (H_out - 1) + 1:sH, v:v + sW * (W_out - 1) + 1:sW] * k[None, :, u, v, None, None]
    return y


def pointwise(y, pw2d):
    """pw2d: (O, C)."""
    return np.einsum("oc,nchw->nohw", pw2d, y)
