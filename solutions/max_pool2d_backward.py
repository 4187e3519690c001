"""Backward pass of 2-D max pooling (as torch's max_pool2d), derived by hand, in NumPy."""
from __future__ import annotations

import numpy as np


def _pair(v: int | tuple[int, int]) -> tuple[int, int]:
    return (v, v) if isinstance(v, int) else (int(v[0]), int(v[1]))


def max_pool2d_backward(
    x: np.ndarray,
    dout: np.ndarray,
    kernel_size: int | tuple[int, int],
    stride: int | tuple[int, int] | None = None,
    padding: int | tuple[int, int] = 0,
) -> np.ndarray:
    """Reference solution: the first maximum of every window (argmax), then its gradient routed back
    tap by tap, accumulating where windows overlap."""
    kH, kW = _pair(kernel_size)
    sH, sW = _pair(kernel_size if stride is None else stride)
    pH, pW = _pair(padding)
    N, C, H, W = x.shape
    H_out, W_out = dout.shape[2:]

    x_pad = np.pad(x, ((0, 0), (0, 0), (pH, pH), (pW, pW)), constant_values=-np.inf)  # (N, C, Hp, Wp)
    windows = np.lib.stride_tricks.sliding_window_view(x_pad, (kH, kW), axis=(2, 3))  # (N, C, Hp-kH+1, Wp-kW+1, kH, kW)
    windows = windows[:, :, ::sH, ::sW][:, :, :H_out, :W_out]  # (N, C, H_out, W_out, kH, kW)
    first = windows.reshape(N, C, H_out, W_out, kH * kW).argmax(axis=-1)  # (N, C, H_out, W_out): row-major tap

    dx_pad = np.zeros(x_pad.shape, dtype=x.dtype)  # (N, C, Hp, Wp)
    for t in range(kH * kW):  # each tap (u, v) is one strided slice of x_pad; overlapping windows add up
        u, v = divmod(t, kW)
        rows, cols = slice(u, u + sH * (H_out - 1) + 1, sH), slice(v, v + sW * (W_out - 1) + 1, sW)
        dx_pad[:, :, rows, cols] += np.where(first == t, dout, 0)
    return dx_pad[:, :, pH:pH + H, pW:pW + W].copy()  # (N, C, H, W): the padding's gradient dropped
