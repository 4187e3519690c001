"""Not a mutant: the correct pieces the mutants in this folder reuse (so each differs by one mistake)."""
import numpy as np


def pair(v):
    return (v, v) if isinstance(v, int) else (int(v[0]), int(v[1]))


def scatter(x, w, sH, sW):
    """The full (uncropped) transposed convolution: every pixel paints its kernel at (i*sH, j*sW)."""
    N, C, H, W = x.shape
    _, O, kH, kW = w.shape
    full = np.zeros((N, O, (H - 1) * sH + kH, (W - 1) * sW + kW), dtype=x.dtype)
    for u in range(kH):
        for v in range(kW):
            full[:, :, u:u + sH * (H - 1) + 1:sH, v:v + sW * (W - 1) + 1:sW] += np.einsum("nchw,co->nohw", x, w[:, :, u, v])
    return full


def dilate(x, sH, sW):
    """Insert s-1 zeros between neighbouring pixels."""
    N, C, H, W = x.shape
    out = np.zeros((N, C, (H - 1) * sH + 1, (W - 1) * sW + 1), dtype=x.dtype)
    out[:, :, ::sH, ::sW] = x
    return out


def correlate(x_pad, w_conv):
    """Plain stride-1 cross-correlation, w_conv in conv2d's layout (O, C, kH, kW)."""
    kH, kW = w_conv.shape[2:]
    win = np.lib.stride_tricks.sliding_window_view(x_pad, (kH, kW), axis=(2, 3))  # (N, C, H', W', kH, kW)
    return np.einsum("nchwuv,ocuv->nohw", win, w_conv, optimize=True)
