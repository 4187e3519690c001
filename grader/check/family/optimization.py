"""What the checks of the optimisation exercises (optimizers, clip_grad_norm) share: torch parameters
built from the learner's NumPy arrays, for the torch.optim and torch.nn.utils oracles."""
from __future__ import annotations

import numpy as np
import torch


def parameter(value: np.ndarray, grad: np.ndarray | None = None, dtype: torch.dtype | None = None) -> torch.Tensor:
    """A leaf tensor holding a copy of `value` and, as its .grad, a copy of `grad` (the arrays' dtype
    unless `dtype` is given): what an optimiser steps and clip_grad_norm_ clips."""
    P = torch.tensor(value, dtype=dtype, requires_grad=True)
    if grad is not None:
        P.grad = torch.tensor(grad, dtype=dtype)
    return P
