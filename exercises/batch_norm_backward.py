"""BatchNorm (training mode, (N, D), over axis 0) backward, derived by hand, in NumPy."""
from __future__ import annotations

import numpy as np


def batch_norm_backward(x: np.ndarray, gamma: np.ndarray, dout: np.ndarray,
                        eps: float = 1e-5) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Gradients of a scalar loss L through training-mode BatchNorm, given dout = dL/d out.

    Forward (statistics over the batch axis 0, per feature; biased variance, divide by N):

        mu = mean_n x[n]            var = mean_n (x[n] - mu)^2
        xhat = (x - mu) / sqrt(var + eps)         out = gamma * xhat + beta

    Backward (recompute mu, var and xhat from x; beta's value is not needed):

        dbeta = sum_n dout[n]       dgamma = sum_n dout[n] * xhat[n]
        dxhat = dout * gamma
        dx = 1 / (N sqrt(var + eps)) * (N dxhat - sum_n dxhat[n] - xhat * sum_n dxhat[n] * xhat[n])

    x reaches the loss through xhat directly AND through mu and var: all three paths count.

    Args:
        x: input, shape (N, D), N >= 2.
        gamma: scale, shape (D,).
        dout: upstream gradient, shape (N, D).
        eps: added to the variance inside the square root (any eps > 0).
        All arrays share one dtype, float32 or float64.

    Returns:
        (dx, dgamma, dbeta), shapes (N, D), (D,), (D,), in x's dtype.

    Rules:
        - NumPy only: do not import torch, scipy or sklearn (no autograd).
        - Do not modify the inputs.
        - The checks compare with torch autograd of F.batch_norm(training=True) in float64, and
          dx with central differences of the forward on one case.
        - The speed check times float32 x and dout of shape (1024, 256) against torch autograd
          of F.batch_norm on one CPU thread (limit 20x): vectorise over the batch and features.
    """
    # TODO: recompute xhat; dbeta, dgamma; dx by the compact formula (or staged through var and mu).
    raise NotImplementedError("batch_norm_backward: implement it in exercises/batch_norm_backward.py")
