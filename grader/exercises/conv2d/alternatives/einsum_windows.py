"""Correct: sliding_window_view + einsum with optimize=True."""
import numpy as np


def conv2d(x, weight, bias=None, stride=1, padding=0):
    sH, sW = (stride, stride) if isinstance(stride, int) else stride
    pH, pW = (padding, padding) if isinstance(padding, int) else padding
    kH, kW = weight.shape[2:]
    x_pad = np.pad(x, ((0, 0), (0, 0), (pH, pH), (pW, pW)))
    win = np.lib.stride_tricks.sliding_window_view(x_pad, (kH, kW), axis=(2, 3))[:, :, ::sH, ::sW]
    out = np.einsum("nchwij,ocij->nohw", win, weight, optimize=True)
    if bias is not None:
        out = out + bias[:, None, None]
    return out.astype(x.dtype)
