"""Numerically stable log-softmax in NumPy, exactly like torch.log_softmax."""
from __future__ import annotations

import numpy as np


def log_softmax(x: np.ndarray, axis: int = -1) -> np.ndarray:
    """The logarithm of the softmax along one axis, computed without ever forming the softmax.

        log_softmax(x)_i = x_i - log sum_j exp(x_j)      (i, j run along `axis`)

    The second term is the log-sum-exp, LSE(x). With m = max_j x_j it equals

        LSE(x) = m + log sum_j exp(x_j - m)

    where every exp(x_j - m) is in (0, 1] and the sum is at least 1, so nothing overflows and
    the log never sees 0. Computing np.log(softmax(x)) instead fails for logits that are far
    apart: a probability of exp(-2000) underflows to 0 and its log is -inf, while the right
    answer, -2000, is a perfectly ordinary number.

    Args:
        x: an array of any shape (at least 1-D), float32 or float64. Values may be huge:
            logits of +-1000 must work.
        axis: the axis to normalise over, negative values counting from the end as in NumPy.

    Returns:
        An array of x's shape and dtype: log-probabilities (all <= 0) whose exp sums to 1
        along `axis`.

    Rules:
        - No NaN or Inf, and no NumPy RuntimeWarning (overflow, divide by zero, invalid value)
          for any finite input; an exp that underflows to 0 is fine.
        - Do not modify x: work on new arrays.
        - NumPy only: do not import torch or scipy.
        - The speed check times float32 logits of shape (16384, 10) against torch.log_softmax on
          one thread (limit 10x): no Python loop over rows or elements.
    """
    # TODO: subtract the max along `axis`, then subtract the log of the sum of the exponentials.
    raise NotImplementedError("log_softmax: implement it in exercises/log_softmax.py")
