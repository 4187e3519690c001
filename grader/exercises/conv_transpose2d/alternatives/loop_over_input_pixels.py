"""Correct but slow: every input pixel paints its kernels in a Python loop. Fails only the speed check."""
import numpy as np

TOO_SLOW = True


def conv_transpose2d(x, weight, stride=1, padding=0):
    sH, sW = (stride, stride) if isinstance(stride, int) else stride
    pH, pW = (padding, padding) if isinstance(padding, int) else padding
    N, C, H, W = x.shape
    _, O, kH, kW = weight.shape
    full = np.zeros((N, O, (H - 1) * sH + kH, (W - 1) * sW + kW), dtype=x.dtype)
    for i in range(H):
        for j in range(W):
            # (N, C) x (C, O, kH, kW) -> (N, O, kH, kW): this pixel's contribution to every output channel
            full[:, :, i * sH:i * sH + kH, j * sW:j * sW + kW] += np.tensordot(x[:, :, i, j], weight, axes=(1, 0))
    return full[:, :, pH:full.shape[2] - pH, pW:full.shape[3] - pW].copy()
