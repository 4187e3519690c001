"""Transposed 2-D convolution in NumPy, exactly like torch.nn.functional.conv_transpose2d."""
from __future__ import annotations

import numpy as np


def conv_transpose2d(
    x: np.ndarray,
    weight: np.ndarray,
    stride: int | tuple[int, int] = 1,
    padding: int | tuple[int, int] = 0,
) -> np.ndarray:
    """Apply a transposed convolution ("deconvolution", the gradient of conv2d) to a batch.

    Scatter view: every input pixel (i, j) of channel c paints a copy of the kernel
    weight[c, o], scaled by x[n, c, i, j], into output channel o with its top-left corner at
    (i*sH, j*sW); overlapping paints add up. Then `padding` rows are cut from the top AND the
    bottom and `padding` columns from the left AND the right of that full output:

        full[n, o, i*sH + u, j*sW + v] += x[n, c, i, j] * weight[c, o, u, v]   (over n, c, i, j, u, v)
        out = full[:, :, pH : pH + H_out, pW : pW + W_out]

    It is the gradient of F.conv2d(·, weight, stride, padding) with respect to its input, which
    is why the weight has torch's layout (C_in, C_out, kH, kW) — input channels FIRST, the
    reverse of conv2d's (C_out, C_in, kH, kW) — and why padding shrinks the output here.

    Args:
        x: input of shape (N, C_in, H, W), float32 or float64.
        weight: shape (C_in, C_out, kH, kW), same dtype as x.
        stride: an int or a pair (sH, sW).
        padding: an int or a pair (pH, pW), cropped from each side; you may assume the output
            is at least 1x1.
        No bias, no output_padding, no dilation, no groups.

    Returns:
        An array of shape (N, C_out, H_out, W_out) and of x's dtype, with

            H_out = (H - 1)*sH - 2*pH + kH,    W_out = (W - 1)*sW - 2*pW + kW

    Rules:
        - Do not modify the inputs. NumPy only: do not import torch or scipy.
        - The speed check times a float32 input (1, 4, 128, 128) and weight (4, 4, 4, 4), stride 2,
          padding 1 (128 -> 256, DCGAN's doubling layer) against torch on one thread (limit 50x):
          a Python loop over input or output pixels is far too slow (~60-170x); a loop
          over the kH*kW kernel taps, each updating a strided slice of the output for the whole
          batch, is about as fast as torch (~1.5-2x); a convolution of the zero-dilated input
          does stride^2 times more work but passes (~6x). np.add.at is an unbuffered scatter
          (~14x): it passes, but it is the slow way to scatter.
    """
    # TODO: contract the channels, scatter-add each kernel tap into a strided slice of the full output, crop.
    raise NotImplementedError("conv_transpose2d: implement it in exercises/conv_transpose2d.py")
