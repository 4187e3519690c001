"""2-D average pooling in NumPy, exactly like torch.nn.functional.avg_pool2d."""
from __future__ import annotations

import numpy as np


def _pair(v: int | tuple[int, int]) -> tuple[int, int]:
    return (v, v) if isinstance(v, int) else (int(v[0]), int(v[1]))


def avg_pool2d(
    x: np.ndarray,
    kernel_size: int | tuple[int, int],
    stride: int | tuple[int, int] | None = None,
    padding: int | tuple[int, int] = 0,
) -> np.ndarray:
    """Reference solution: sum the kernel taps as strided slices of the zero-padded input, divide by kH*kW."""
    N, C, H, W = x.shape
    kH, kW = _pair(kernel_size)
    sH, sW = _pair(kernel_size if stride is None else stride)  # None: windows side by side
    pH, pW = _pair(padding)
    H_out = (H + 2 * pH - kH) // sH + 1
    W_out = (W + 2 * pW - kW) // sW + 1

    x_pad = np.pad(x, ((0, 0), (0, 0), (pH, pH), (pW, pW)))  # (N, C, H+2pH, W+2pW), zeros
    total = np.zeros((N, C, H_out, W_out), dtype=x.dtype)
    for u in range(kH):
        for v in range(kW):
            total += x_pad[:, :, u:u + sH * (H_out - 1) + 1:sH, v:v + sW * (W_out - 1) + 1:sW]  # (N, C, H_out, W_out)
    # The padded zeros are part of every window they fall in: always divide by the full window size.
    return total / np.asarray(kH * kW, dtype=x.dtype)
