"""Gradient clipping by the global L2 norm in NumPy, like torch.nn.utils.clip_grad_norm_."""
from __future__ import annotations

import math

import numpy as np


def clip_grad_norm(grads: list[np.ndarray], max_norm: float) -> float:
    """Scale all gradients together so that their global L2 norm is at most max_norm, IN PLACE.

    The norm is taken over all the gradients at once, as if they were one long vector:

        total_norm = sqrt( sum over every array g in grads of sum(g**2) )
        clip_coef  = min( max_norm / (total_norm + 1e-6), 1 )
        every g   *= clip_coef                        (in place, on the arrays themselves)

    One coefficient for every array keeps the direction of the whole update; only its length
    changes. The coefficient is clamped to 1, so small gradients are never scaled up, and the
    1e-6 keeps an all-zero gradient from dividing by zero. As in torch, the multiplication
    happens even when total_norm is exactly max_norm (the coefficient is then just below 1).

    In place, like torch's clip_grad_norm_ (the trailing underscore): modify the arrays in the
    list — `g *= clip_coef` or `np.multiply(g, clip_coef, out=g)` — so that whoever holds them
    (the optimiser) sees the clipped values. `grads[i] = grads[i] * clip_coef` would only put
    new arrays into the list and leave the caller's gradients as they were.

    Args:
        grads: a list of gradient arrays of any shapes, float32 or float64 (keep each dtype).
            The list may be empty.
        max_norm: the largest allowed global norm, a float > 0.

    Returns:
        total_norm, the global norm BEFORE clipping, as a float (0.0 for an empty list).

    Rules:
        - No NaN or Inf and no NumPy RuntimeWarning, all-zero gradients included.
        - NumPy only: do not import torch.
        - The speed check clips 4 float32 arrays of 2**18 values against
          torch.nn.utils.clip_grad_norm_ on one thread (limit 12x): no Python loop over elements.
    """
    # TODO: the global norm, the clamped coefficient, then scale every array in place; return the norm.
    raise NotImplementedError("clip_grad_norm: implement it in exercises/clip_grad_norm.py")
