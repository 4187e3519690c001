"""2-D max pooling in NumPy, exactly like torch.nn.functional.max_pool2d."""
from __future__ import annotations

import numpy as np


def _pair(v: int | tuple[int, int]) -> tuple[int, int]:
    return (v, v) if isinstance(v, int) else (int(v[0]), int(v[1]))


def max_pool2d(
    x: np.ndarray,
    kernel_size: int | tuple[int, int],
    stride: int | tuple[int, int] | None = None,
    padding: int | tuple[int, int] = 0,
) -> np.ndarray:
    """Reference solution: one np.maximum per kernel tap, over strided slices of the padded input."""
    N, C, H, W = x.shape
    kH, kW = _pair(kernel_size)
    sH, sW = _pair(kernel_size if stride is None else stride)  # None: windows side by side
    pH, pW = _pair(padding)
    H_out = (H + 2 * pH - kH) // sH + 1
    W_out = (W + 2 * pW - kW) // sW + 1

    # -inf padding never wins a max; zeros would beat an all-negative window.
    x_pad = np.pad(x, ((0, 0), (0, 0), (pH, pH), (pW, pW)), constant_values=-np.inf)  # (N, C, H+2pH, W+2pW)
    out = np.full((N, C, H_out, W_out), -np.inf, dtype=x.dtype)
    for u in range(kH):  # kH*kW vectorised steps instead of H_out*W_out Python ones
        for v in range(kW):
            tap = x_pad[:, :, u:u + sH * (H_out - 1) + 1:sH, v:v + sW * (W_out - 1) + 1:sW]  # (N, C, H_out, W_out)
            np.maximum(out, tap, out=out)
    return out
