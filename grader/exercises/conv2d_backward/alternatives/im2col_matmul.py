"""im2col: the windows as rows of a matrix; two matmuls, then col2im with np.add.at."""
import numpy as np
from _base import conv_args


def conv2d_backward(x, weight, dout, stride=1, padding=0):
    (sH, sW), (pH, pW), x_pad = conv_args(x, stride, padding)
    N, C, H, W = x.shape
    O, _, kH, kW = weight.shape
    Ho, Wo = dout.shape[2:]
    # Row index of every (n, i, j) window entry (c, u, v) in x_pad.
    r = (np.arange(Ho) * sH)[:, None, None, None] + np.arange(kH)[None, None, :, None]  # (Ho, 1, kH, 1)
    c = (np.arange(Wo) * sW)[None, :, None, None] + np.arange(kW)[None, None, None, :]  # (1, Wo, 1, kW)
    r, c = np.broadcast_arrays(r, c)  # (Ho, Wo, kH, kW)
    cols = x_pad[:, :, r, c]  # (N, C, Ho, Wo, kH, kW)
    cols = cols.transpose(0, 2, 3, 1, 4, 5).reshape(N * Ho * Wo, C * kH * kW)
    g = dout.transpose(0, 2, 3, 1).reshape(N * Ho * Wo, O)
    dweight = (g.T @ cols).reshape(O, C, kH, kW)
    dcols = (g @ weight.reshape(O, -1)).reshape(N, Ho, Wo, C, kH, kW).transpose(0, 3, 1, 2, 4, 5)
    dx_pad = np.zeros_like(x_pad)
    n_idx = np.arange(N)[:, None, None, None, None, None]
    c_idx = np.arange(C)[None, :, None, None, None, None]
    np.add.at(dx_pad, (n_idx, c_idx, r[None, None], c[None, None]), dcols)
    return dx_pad[:, :, pH:pH + H, pW:pW + W].copy(), dweight, dout.sum(axis=(0, 2, 3))
