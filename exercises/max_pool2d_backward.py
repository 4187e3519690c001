"""Backward pass of 2-D max pooling (as torch's max_pool2d), derived by hand, in NumPy."""
from __future__ import annotations

import numpy as np


def max_pool2d_backward(
    x: np.ndarray,
    dout: np.ndarray,
    kernel_size: int | tuple[int, int],
    stride: int | tuple[int, int] | None = None,
    padding: int | tuple[int, int] = 0,
) -> np.ndarray:
    """Gradient of a scalar loss L through out = max_pool2d(x, kernel_size, stride, padding), given dout.

    The forward is the max_pool2d exercise's, exactly like torch.nn.functional.max_pool2d:

        out[n, c, i, j] = max_{u < kH, v < kW} x_pad[n, c, i*sH + u, j*sW + v]

    where x_pad is x with pH rows on top and on the bottom and pW columns on the left and on the
    right filled with -inf (the padding is never a maximum), and H_out = (H + 2*pH - kH) // sH + 1,
    W_out = (W + 2*pW - kW) // sW + 1 (floor: rows no full window reaches are ignored).

    The max is a routing: each output pixel's gradient dout[n, c, i, j] goes to the ONE position of
    its window that holds the maximum, and nowhere else:

        dx_pad[n, c, i*sH + u*, j*sW + v*] += dout[n, c, i, j]      (u*, v*) = argmax of window (i, j)
        dx = dx_pad[:, :, pH:pH + H, pW:pW + W]

    Conventions:
        - Ties: when several positions of a window hold its maximum, the gradient goes to the FIRST
          of them in row-major order of the window (top row first, left to right in a row), as torch
          does: np.argmax of the window flattened to kH*kW entries.
        - Overlapping windows (stride < kernel) that pick the same position ADD their gradients.
        - Positions no window picks (or reads) get a gradient of exactly 0.
        - Inputs are finite (no NaN, no inf).

    Args:
        x: the forward's input, shape (N, C, H, W), float32 or float64.
        dout: upstream gradient dL/d out, shape (N, C, H_out, W_out), x's dtype.
        kernel_size: an int k (a k x k window) or a pair (kH, kW).
        stride: an int, a pair (sH, sW), or None. None means stride = kernel_size (windows side
            by side), as in PyTorch; it does NOT mean 1.
        padding: an int or a pair (pH, pW), with 0 <= pH <= kH // 2 and 0 <= pW <= kW // 2.

    Returns:
        dx, the gradient with respect to x: shape (N, C, H, W), x's dtype.

    Rules:
        - NumPy only: do not import torch, scipy or sklearn (no autograd).
        - Do not modify x or dout.
        - Inputs and kernels may be non-square; the kernel may be as large as the padded input;
          the stride may be larger than the kernel.
        - The checks compare with torch autograd of F.max_pool2d in float64, on inputs of small
          integers (many ties) among others.
        - The speed check times a float32 x of shape (1, 1, 512, 512), kernel 3, stride 2,
          padding 1 (dout (1, 1, 256, 256)), against torch autograd of max_pool2d (forward and
          backward) on one CPU thread (limit 12x): a Python loop over the 256 x 256 windows is far
          too slow; an argmax over sliding_window_view's windows and a loop over the kH*kW taps is
          fast enough.
    """
    # TODO: resolve the pairs and the stride default, pad with -inf, find each window's first maximum,
    # send dout there (adding up where windows overlap), crop the padding.
    raise NotImplementedError("max_pool2d_backward: implement it in exercises/max_pool2d_backward.py")
