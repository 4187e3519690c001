"""Transposed 2-D convolution in NumPy, exactly like torch.nn.functional.conv_transpose2d."""
from __future__ import annotations

import numpy as np


def _pair(v: int | tuple[int, int]) -> tuple[int, int]:
    return (v, v) if isinstance(v, int) else (int(v[0]), int(v[1]))


def conv_transpose2d(
    x: np.ndarray,
    weight: np.ndarray,
    stride: int | tuple[int, int] = 1,
    padding: int | tuple[int, int] = 0,
) -> np.ndarray:
    """Reference solution: one matmul for every (pixel, tap) product, then a scatter-add per kernel tap (col2im)."""
    N, C, H, W = x.shape
    _, O, kH, kW = weight.shape
    (sH, sW), (pH, pW) = _pair(stride), _pair(padding)
    H_out = (H - 1) * sH - 2 * pH + kH
    W_out = (W - 1) * sW - 2 * pW + kW

    # Contract the input channels once: (O*kH*kW, C) @ (N, C, H*W) -> (N, O*kH*kW, H*W).
    cols = weight.reshape(C, O * kH * kW).T @ x.reshape(N, C, H * W)
    cols = cols.reshape(N, O, kH, kW, H, W)  # cols[n, o, u, v, i, j] = sum_c x[n, c, i, j] * w[c, o, u, v]
    full = np.zeros((N, O, (H - 1) * sH + kH, (W - 1) * sW + kW), dtype=cols.dtype)  # before cropping
    for u in range(kH):  # tap (u, v) of pixel (i, j) lands on (i*sH + u, j*sW + v): a strided slice
        for v in range(kW):
            full[:, :, u:u + sH * (H - 1) + 1:sH, v:v + sW * (W - 1) + 1:sW] += cols[:, :, u, v]
    out = full[:, :, pH:pH + H_out, pW:pW + W_out]  # padding crops both sides
    return np.ascontiguousarray(out, dtype=x.dtype)
