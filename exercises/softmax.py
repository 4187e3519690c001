"""Numerically stable softmax in NumPy, exactly like torch.softmax."""
from __future__ import annotations

import numpy as np


def softmax(x: np.ndarray, axis: int = -1) -> np.ndarray:
    """Turn scores into probabilities along one axis.

        softmax(x)_i = exp(x_i) / sum_j exp(x_j)        (i, j run along `axis`)

    Every slice along `axis` of the output is positive and sums to 1; the other axes are
    independent (each row of a (N, C) batch of logits is its own distribution when axis=-1).

    Numerical stability: exp(1000) overflows to inf and inf / inf is NaN. Softmax does not
    change when the same constant is subtracted from every entry of a slice, so subtract the
    slice's maximum first: then every exponent is <= 0 and the largest term is exactly 1.

    Args:
        x: an array of any shape (at least 1-D), float32 or float64. Values may be huge:
            logits of +-1000 must work.
        axis: the axis to normalise over, negative values counting from the end as in NumPy
            (-1 is the last axis).

    Returns:
        An array of x's shape and dtype whose slices along `axis` sum to 1.

    Rules:
        - No NaN or Inf, and no NumPy RuntimeWarning (overflow, divide by zero, invalid value)
          for any finite input; an exp that underflows to 0 is fine.
        - Do not modify x (no `x -= x.max()`): work on new arrays.
        - NumPy only: do not import torch or scipy.
        - The speed check times float32 logits of shape (16384, 10) against torch.softmax on one
          thread (limit 4x): no Python loop over rows or elements.
    """
    # TODO: subtract the max along `axis` (keepdims=True), exponentiate, divide by the sum.
    raise NotImplementedError("softmax: implement it in exercises/softmax.py")
