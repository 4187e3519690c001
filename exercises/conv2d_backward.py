"""Backward pass of a 2-D convolution (cross-correlation, as torch's conv2d), derived by hand, in NumPy."""
from __future__ import annotations

import numpy as np


def conv2d_backward(
    x: np.ndarray,
    weight: np.ndarray,
    dout: np.ndarray,
    stride: int | tuple[int, int] = 1,
    padding: int | tuple[int, int] = 0,
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Gradients of a scalar loss L through out = conv2d(x, weight, bias, stride, padding), given dout.

    The forward is the conv2d exercise's, cross-correlation exactly like torch.nn.functional.conv2d:

        out[n, o, i, j] = bias[o] + sum_{c, u, v} x_pad[n, c, i*sH + u, j*sW + v] * weight[o, c, u, v]

    where x_pad is x with pH zero rows on top and on the bottom and pW zero columns on the left
    and on the right, and H_out = (H + 2*pH - kH) // sH + 1, W_out = (W + 2*pW - kW) // sW + 1.
    Return its gradients, given dout = dL/d out:

        dbias[o]          = sum_{n, i, j} dout[n, o, i, j]
        dweight[o, c, u, v] = sum_{n, i, j} dout[n, o, i, j] * x_pad[n, c, i*sH + u, j*sW + v]
        dx_pad[n, c, a, b]  = sum_{o, i, j, u, v with i*sH + u = a, j*sW + v = b} dout[n, o, i, j] * weight[o, c, u, v]
        dx                = dx_pad[:, :, pH:pH + H, pW:pW + W]

    dx_pad is a full correlation of dout, dilated by the stride, with the kernel flipped (rotated by
    180 degrees) and its channel axes swapped: a transposed convolution. The bias itself is not an
    argument (its gradient does not depend on it); dbias is returned as if the forward had one.

    Args:
        x: input, shape (N, C_in, H, W), float32 or float64.
        weight: kernels, shape (C_out, C_in, kH, kW), x's dtype.
        dout: upstream gradient dL/d out, shape (N, C_out, H_out, W_out), x's dtype.
        stride: an int s (both axes) or a pair (sH, sW), s >= 1.
        padding: an int p (both axes) or a pair (pH, pW), zeros, p >= 0.

    Returns:
        (dx, dweight, dbias) with the shapes of x, weight and (C_out,), all of x's dtype. Pixels of x
        that no window reads (a stride larger than the kernel, or the last rows and columns the floor
        of the output size drops) get a gradient of exactly 0.

    Rules:
        - NumPy only: do not import torch, scipy or sklearn (no autograd).
        - Do not modify x, weight or dout.
        - Kernels and inputs may be non-square, the stride larger than the kernel, the kernel as
          large as the padded input (then H_out = W_out = 1), stride and padding pairs (h, w).
        - The checks compare with torch autograd of F.conv2d in float64 (float32 inputs: rtol 1e-4).
        - The speed check times float32 x (8, 16, 32, 32), weight (32, 16, 3, 3), padding 1,
          stride 1, dout (8, 32, 32, 32), against torch autograd of conv2d (forward and backward)
          on one CPU thread (limit 40x): a loop over output pixels is too slow; a loop over the
          kH*kW kernel taps, or sliding_window_view + tensordot, is fast enough.
    """
    # TODO: dbias = sum of dout; dweight from x_pad's strided windows and dout;
    # dx_pad by sending each dout[n, o, i, j] back through the kernel to the window it came from; crop.
    raise NotImplementedError("conv2d_backward: implement it in exercises/conv2d_backward.py")
