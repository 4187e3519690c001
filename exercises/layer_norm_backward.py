"""LayerNorm (over the last axis) backward, derived by hand, in NumPy."""
from __future__ import annotations

import numpy as np


def layer_norm_backward(x: np.ndarray, gamma: np.ndarray, dout: np.ndarray,
                        eps: float = 1e-5) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Gradients of a scalar loss L through LayerNorm over the last axis, given dout = dL/d out.

    Forward (statistics per sample over its D features, the last axis; biased variance):

        mu = mean_d x[..., d]       var = mean_d (x[..., d] - mu)^2
        xhat = (x - mu) / sqrt(var + eps)         out = gamma * xhat + beta

    Backward (recompute xhat from x; g = dout * gamma; sums over the last axis, keepdims):

        dx = 1 / (D sqrt(var + eps)) * (D g - sum_d g - xhat * sum_d g * xhat)
        dgamma = sum over every LEADING axis of dout * xhat       dbeta = the same of dout

    Args:
        x: input, shape (..., D) with at least one leading axis, e.g. (N, D) or (B, T, D); D >= 2.
        gamma: scale, shape (D,).
        dout: upstream gradient, x's shape.
        eps: added to the variance inside the square root (any eps > 0).
        All arrays share one dtype, float32 or float64.

    Returns:
        (dx, dgamma, dbeta), shapes x.shape, (D,), (D,), in x's dtype.

    Rules:
        - NumPy only: do not import torch, scipy or sklearn (no autograd).
        - Do not modify the inputs.
        - The checks compare with torch autograd of F.layer_norm in float64, including N = D
          (where a sum over the wrong axis has the right shape).
        - The speed check times float32 x and dout of shape (1024, 256) against torch autograd
          of F.layer_norm on one CPU thread (limit 20x): no Python loop over rows.
    """
    # TODO: recompute xhat over the last axis; dbeta, dgamma over the leading axes; dx by the compact formula.
    raise NotImplementedError("layer_norm_backward: implement it in exercises/layer_norm_backward.py")
