"""Depthwise-separable convolution (MobileNet's building block) in NumPy, exactly like torch."""
from __future__ import annotations

import numpy as np


def depthwise_separable_conv2d(
    x: np.ndarray,
    depthwise_weight: np.ndarray,
    pointwise_weight: np.ndarray,
    stride: int | tuple[int, int] = 1,
    padding: int | tuple[int, int] = 0,
) -> np.ndarray:
    """Apply a depthwise convolution, then a pointwise (1x1) convolution.

    This is what torch computes with

        y = F.conv2d(x, depthwise_weight, stride=stride, padding=padding, groups=C)   # depthwise
        out = F.conv2d(y, pointwise_weight)                                          # pointwise

    1. Depthwise: every input channel c is filtered by ITS OWN kernel depthwise_weight[c, 0],
       and by no other (no sum over channels). Cross-correlation, as in torch (no kernel flip):

           y[n, c, i, j] = sum_{u, v} x_pad[n, c, i*sH + u, j*sW + v] * depthwise_weight[c, 0, u, v]

       x_pad is x with pH zero rows on top AND bottom and pW zero columns left AND right.
    2. Pointwise: a 1x1 convolution mixes the channels at every pixel (stride 1, no padding):

           out[n, o, i, j] = sum_c pointwise_weight[o, c, 0, 0] * y[n, c, i, j]

    No bias in either step (MobileNet puts a BatchNorm after each instead).

    Args:
        x: input of shape (N, C, H, W), float32 or float64.
        depthwise_weight: shape (C, 1, kH, kW) — torch's layout for groups=C: one kernel per
            channel, and the 1 is the number of input channels each kernel sees.
        pointwise_weight: shape (C_out, C, 1, 1) — torch's layout: output channels first.
        stride: an int or a pair (sH, sW); used by the depthwise step only.
        padding: an int or a pair (pH, pW) of zeros; used by the depthwise step only.

    Returns:
        An array of shape (N, C_out, H_out, W_out) and of x's dtype, with
        H_out = (H + 2*pH - kH) // sH + 1 and W_out = (W + 2*pW - kW) // sW + 1.

    Rules:
        - Do not modify the inputs. NumPy only: do not import torch or scipy.
        - The speed check times a float32 input of shape (1, 4, 128, 128) with 3x3 depthwise
          kernels, padding 1 and 8 output channels, against torch on one thread (limit 15x): a
          loop over output pixels is far too slow (~250x); a loop over the kH*kW kernel taps
          (~2x), or sliding_window_view with einsum (~10x), is fast enough.
    """
    # TODO: pad, filter each channel with its own kernel (depthwise), then mix channels with the 1x1 weights.
    raise NotImplementedError("depthwise_separable_conv2d: implement it in exercises/depthwise_separable_conv2d.py")
