"""The max by np.maximum over the taps, then a second scan in row-major tap order: the first tap equal
to the max takes the gradient, the later ties are skipped."""
import numpy as np
from _base import pool_args


def max_pool2d_backward(x, dout, kernel_size, stride=None, padding=0):
    (kH, kW), (sH, sW), (pH, pW), x_pad = pool_args(x, kernel_size, stride, padding)
    H, W = x.shape[2:]
    Ho, Wo = dout.shape[2:]
    taps = [(slice(u, u + sH * (Ho - 1) + 1, sH), slice(v, v + sW * (Wo - 1) + 1, sW))
            for u in range(kH) for v in range(kW)]
    out = np.full(dout.shape, -np.inf, dtype=x.dtype)
    for rows, cols in taps:
        out = np.maximum(out, x_pad[:, :, rows, cols])
    dx_pad = np.zeros_like(x_pad)
    taken = np.zeros(dout.shape, dtype=bool)
    for rows, cols in taps:
        hit = (x_pad[:, :, rows, cols] == out) & ~taken
        taken |= hit
        dx_pad[:, :, rows, cols] += np.where(hit, dout, 0)
    return dx_pad[:, :, pH:pH + H, pW:pW + W].copy()
