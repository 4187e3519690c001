"""Backward pass of a linear layer out = x @ W + b, derived by hand, in NumPy."""
from __future__ import annotations

import numpy as np


def linear_backward(x: np.ndarray, W: np.ndarray, b: np.ndarray,
                    dout: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Gradients of a scalar loss L through out = x @ W + b, given dout = dL/d out.

        out[n, j] = sum_i x[n, i] * W[i, j] + b[j]

        dx = dout @ W^T          dx[n, i] = sum_j dout[n, j] * W[i, j]
        dW = x^T @ dout          dW[i, j] = sum_n x[n, i] * dout[n, j]
        db = sum_n dout[n, :]    (b is broadcast to every row of the batch)

    Note the convention: W is (D_in, D_out), as in CS231n (nn.Linear stores its transpose).

    Args:
        x: input, shape (N, D_in).
        W: weight, shape (D_in, D_out).
        b: bias, shape (D_out,).
        dout: upstream gradient dL/d out, shape (N, D_out).
        All four share one dtype, float32 or float64. N, D_in, D_out >= 1 (N = 1 included).

    Returns:
        (dx, dW, db) with the shapes of x, W and b and x's dtype: each gradient has the
        shape of the variable it is the gradient of.

    Rules:
        - NumPy only: do not import torch, scipy or sklearn (no autograd).
        - Do not modify the inputs.
        - The checks compare with torch autograd in float64 (float32 inputs: rtol 1e-4).
        - The speed check times float32 x, W, dout of shapes (256, 256), (256, 256),
          (256, 256) against torch autograd of x @ W + b on one CPU thread (limit 10x):
          two matmuls and a sum; a Python loop over the batch is too slow.
    """
    # TODO: dx = dout @ W.T, dW = x.T @ dout, db = dout summed over the batch axis.
    raise NotImplementedError("linear_backward: implement it in exercises/linear_backward.py")
