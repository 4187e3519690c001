"""The argmax of every window as a flat index into x_pad, scattered with np.add.at (repeats add up)."""
import numpy as np
from _base import pool_args


def max_pool2d_backward(x, dout, kernel_size, stride=None, padding=0):
    (kH, kW), (sH, sW), (pH, pW), x_pad = pool_args(x, kernel_size, stride, padding)
    N, C, H, W = x.shape
    Ho, Wo = dout.shape[2:]
    Hp, Wp = x_pad.shape[2:]
    win = np.lib.stride_tricks.sliding_window_view(x_pad, (kH, kW), axis=(2, 3))[:, :, ::sH, ::sW][:, :, :Ho, :Wo]
    t = win.reshape(N, C, Ho, Wo, kH * kW).argmax(axis=-1)
    n, c, i, j = np.indices((N, C, Ho, Wo), sparse=True)
    flat = ((n * C + c) * Hp + i * sH + t // kW) * Wp + j * sW + t % kW
    dx_pad = np.zeros(N * C * Hp * Wp, dtype=x.dtype)
    np.add.at(dx_pad, flat.ravel(), dout.ravel())
    return dx_pad.reshape(N, C, Hp, Wp)[:, :, pH:pH + H, pW:pW + W].copy()
