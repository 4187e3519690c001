"""2-D convolution (cross-correlation) in NumPy, exactly like torch.nn.functional.conv2d."""
from __future__ import annotations

import numpy as np


def conv2d(
    x: np.ndarray,
    weight: np.ndarray,
    bias: np.ndarray | None = None,
    stride: int | tuple[int, int] = 1,
    padding: int | tuple[int, int] = 0,
) -> np.ndarray:
    """Apply a 2-D convolution over a batch of multi-channel images.

    Like PyTorch, this is *cross-correlation*: the kernel is slid over the input as it is,
    not flipped.

        out[n, o, i, j] = bias[o] + sum_{c, u, v} x_pad[n, c, i*sH + u, j*sW + v] * weight[o, c, u, v]

    where x_pad is x with `padding` zeros added on each side of the height and width axes
    (pH rows on top and on the bottom, pW columns on the left and on the right).

    Args:
        x: input of shape (N, C_in, H, W), a floating dtype (float32 or float64).
        weight: kernels of shape (C_out, C_in, kH, kW), same dtype as x.
        bias: shape (C_out,) added to every output pixel of channel o, or None for no bias.
        stride: an int s (the same for both axes) or a pair (sH, sW).
        padding: an int p (the same for both axes) or a pair (pH, pW); zeros, p >= 0.

    Returns:
        An array of shape (N, C_out, H_out, W_out) and of x's dtype, where

            H_out = (H + 2*pH - kH) // sH + 1
            W_out = (W + 2*pW - kW) // sW + 1

        Rows or columns of the padded input that a full window cannot reach are ignored
        (floor division), exactly as in PyTorch.

    Rules:
        - Do not modify x, weight or bias: work on new arrays.
        - NumPy only: do not import torch or scipy.
        - Kernels may be non-square, inputs non-square, the stride larger than the kernel,
          and the kernel as large as the padded input (then H_out = W_out = 1).
        - The speed check times float32 inputs of shape (8, 16, 32, 32) with 32 kernels of
          3×3 against torch on one thread (limit 80x): loops over output pixels are too slow;
          a loop over the kH*kW kernel taps, im2col or sliding_window_view + tensordot are
          fast enough.
    """
    # TODO: compute the output size, pad x, slide the kernel, sum over channels and taps, add bias.
    raise NotImplementedError("conv2d: implement it in exercises/conv2d.py")
