"""Correct: no padding array; each tap's valid region is sliced out and the rest stays -inf."""
import numpy as np


def max_pool2d(x, kernel_size, stride=None, padding=0):
    kH, kW = (kernel_size, kernel_size) if isinstance(kernel_size, int) else kernel_size
    stride = kernel_size if stride is None else stride
    sH, sW = (stride, stride) if isinstance(stride, int) else stride
    pH, pW = (padding, padding) if isinstance(padding, int) else padding
    N, C, H, W = x.shape
    H_out, W_out = (H + 2 * pH - kH) // sH + 1, (W + 2 * pW - kW) // sW + 1
    out = np.full((N, C, H_out, W_out), -np.inf, dtype=x.dtype)
    rows, cols = np.arange(H_out) * sH - pH, np.arange(W_out) * sW - pW  # window corners in x's coordinates
    for u in range(kH):
        r = rows + u
        ok_r = (r >= 0) & (r < H)
        for v in range(kW):
            c = cols + v
            ok_c = (c >= 0) & (c < W)
            block = x[:, :, r[ok_r]][:, :, :, c[ok_c]]
            view = out[:, :, ok_r][:, :, :, ok_c]
            out[np.ix_(np.arange(N), np.arange(C), np.flatnonzero(ok_r), np.flatnonzero(ok_c))] = np.maximum(view, block)
    return out
