"""Correct but slow: a Python loop over output pixels (each step vectorised over N and C)."""
import numpy as np

TOO_SLOW = True


def max_pool2d(x, kernel_size, stride=None, padding=0):
    kH, kW = (kernel_size, kernel_size) if isinstance(kernel_size, int) else kernel_size
    stride = kernel_size if stride is None else stride
    sH, sW = (stride, stride) if isinstance(stride, int) else stride
    pH, pW = (padding, padding) if isinstance(padding, int) else padding
    N, C, H, W = x.shape
    H_out, W_out = (H + 2 * pH - kH) // sH + 1, (W + 2 * pW - kW) // sW + 1
    x_pad = np.pad(x, ((0, 0), (0, 0), (pH, pH), (pW, pW)), constant_values=-np.inf)
    out = np.empty((N, C, H_out, W_out), dtype=x.dtype)
    for i in range(H_out):
        for j in range(W_out):
            out[:, :, i, j] = x_pad[:, :, i * sH:i * sH + kH, j * sW:j * sW + kW].max(axis=(2, 3))
    return out
