"""Helpers shared by the regression exercises' checks (linear_regression, logistic_regression)."""
from __future__ import annotations

import numpy as np
import torch

from ..failure import CheckFailure


def t(a) -> torch.Tensor:
    """An array as a float64 tensor, for the autograd oracles."""
    return torch.as_tensor(np.asarray(a, dtype=np.float64))


def as_array(got):
    """A scalar result (a bias returned as a float) as a 0-d float64 array; anything else as it is."""
    if isinstance(got, (float, int, np.floating)) and not isinstance(got, bool):
        return np.asarray(got, dtype=np.float64)
    return got


def unpack(got, parts: str, case: str, name: str):
    """`got` if it is a tuple of the parts named in `parts` ("w, b, losses"); a CheckFailure saying so otherwise."""
    n = len(parts.split(","))
    if not isinstance(got, tuple) or len(got) != n:
        raise CheckFailure(f"{name} must return a tuple ({parts}), got {type(got).__name__}"
                           + (f" of length {len(got)}" if isinstance(got, (tuple, list)) else ""), case=case)
    return got
