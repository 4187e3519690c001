"""Depthwise-separable convolution (MobileNet's building block) in NumPy, exactly like torch."""
from __future__ import annotations

import numpy as np


def _pair(v: int | tuple[int, int]) -> tuple[int, int]:
    return (v, v) if isinstance(v, int) else (int(v[0]), int(v[1]))


def depthwise_separable_conv2d(
    x: np.ndarray,
    depthwise_weight: np.ndarray,
    pointwise_weight: np.ndarray,
    stride: int | tuple[int, int] = 1,
    padding: int | tuple[int, int] = 0,
) -> np.ndarray:
    """Reference solution: a loop over the kernel taps for the depthwise step, one matmul for the pointwise step."""
    N, C, H, W = x.shape
    _, _, kH, kW = depthwise_weight.shape
    O = pointwise_weight.shape[0]
    (sH, sW), (pH, pW) = _pair(stride), _pair(padding)
    H_out = (H + 2 * pH - kH) // sH + 1
    W_out = (W + 2 * pW - kW) // sW + 1

    x_pad = np.pad(x, ((0, 0), (0, 0), (pH, pH), (pW, pW)))  # (N, C, H+2pH, W+2pW), a new array
    k = depthwise_weight[:, 0]  # (C, kH, kW): one kernel per channel
    y = np.zeros((N, C, H_out, W_out), dtype=x.dtype)
    for u in range(kH):  # kH*kW iterations, each over the whole batch and every channel
        for v in range(kW):
            tap = x_pad[:, :, u:u + sH * (H_out - 1) + 1:sH, v:v + sW * (W_out - 1) + 1:sW]  # (N, C, H_out, W_out)
            y += tap * k[None, :, u, v, None, None]  # channel c times its own weight: no sum over channels
    # Pointwise: (O, C) @ (N, C, H_out*W_out) -> (N, O, H_out*W_out), channels mixed at every pixel.
    out = pointwise_weight.reshape(O, C) @ y.reshape(N, C, H_out * W_out)
    return out.reshape(N, O, H_out, W_out).astype(x.dtype, copy=False)  # (N, O, H_out, W_out)
