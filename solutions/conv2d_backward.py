"""Backward pass of a 2-D convolution (cross-correlation, as torch's conv2d), derived by hand, in NumPy."""
from __future__ import annotations

import numpy as np


def _pair(v: int | tuple[int, int]) -> tuple[int, int]:
    return (v, v) if isinstance(v, int) else (int(v[0]), int(v[1]))


def conv2d_backward(
    x: np.ndarray,
    weight: np.ndarray,
    dout: np.ndarray,
    stride: int | tuple[int, int] = 1,
    padding: int | tuple[int, int] = 0,
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Reference solution: dweight from the input's windows, dx as a full correlation of the dilated
    dout with the flipped kernel (a transposed convolution), cropped by the padding."""
    N, C, H, W = x.shape
    O, _, kH, kW = weight.shape
    _, _, H_out, W_out = dout.shape
    sH, sW = _pair(stride)
    pH, pW = _pair(padding)
    Hp, Wp = H + 2 * pH, W + 2 * pW

    # dbias: the bias is added at every (n, i, j) of its channel.
    dbias = dout.sum(axis=(0, 2, 3))  # (O,)

    # dweight[o, c, u, v] = sum_{n,i,j} dout[n, o, i, j] * x_pad[n, c, i*sH + u, j*sW + v]
    x_pad = np.pad(x, ((0, 0), (0, 0), (pH, pH), (pW, pW)))  # (N, C, Hp, Wp)
    windows = np.lib.stride_tricks.sliding_window_view(x_pad, (kH, kW), axis=(2, 3))  # (N, C, Hp-kH+1, Wp-kW+1, kH, kW)
    windows = windows[:, :, ::sH, ::sW][:, :, :H_out, :W_out]  # (N, C, H_out, W_out, kH, kW)
    dweight = np.tensordot(dout, windows, axes=([0, 2, 3], [0, 2, 3]))  # (O, C, kH, kW)

    # dx: put dout back at the strided positions (zeros between: dilation), pad by k - 1 on each side
    # (plus the rows and columns no window reached), correlate with the flipped kernel, channels swapped.
    g = np.zeros((N, O, (H_out - 1) * sH + 1, (W_out - 1) * sW + 1), dtype=dout.dtype)  # (N, O, H_d, W_d)
    g[:, :, ::sH, ::sW] = dout
    extra_h, extra_w = Hp - ((H_out - 1) * sH + kH), Wp - ((W_out - 1) * sW + kW)  # rows no window reached
    g = np.pad(g, ((0, 0), (0, 0), (kH - 1, kH - 1 + extra_h), (kW - 1, kW - 1 + extra_w)))  # (N, O, Hp+kH-1, Wp+kW-1)
    g_windows = np.lib.stride_tricks.sliding_window_view(g, (kH, kW), axis=(2, 3))  # (N, O, Hp, Wp, kH, kW)
    flipped = weight[:, :, ::-1, ::-1]  # (O, C, kH, kW), rotated by 180 degrees
    dx_pad = np.tensordot(g_windows, flipped, axes=([1, 4, 5], [0, 2, 3]))  # (N, Hp, Wp, C)
    dx = dx_pad.transpose(0, 3, 1, 2)[:, :, pH:pH + H, pW:pW + W]  # (N, C, H, W): padding cropped

    return (np.ascontiguousarray(dx, dtype=x.dtype), np.ascontiguousarray(dweight, dtype=x.dtype),
            dbias.astype(x.dtype, copy=False))
