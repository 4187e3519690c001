"""Binary cross-entropy from logits in NumPy, like torch.nn.functional.binary_cross_entropy_with_logits."""
from __future__ import annotations

import numpy as np


def binary_cross_entropy_with_logits(logits: np.ndarray, targets: np.ndarray) -> np.floating:
    """Reference solution: max(x, 0) - x*t + log(1 + exp(-|x|)), averaged over every element."""
    x, t = logits, targets
    # -t*log(sigmoid(x)) - (1-t)*log(1 - sigmoid(x)) = softplus(x) - x*t, and
    # softplus(x) = log(1 + exp(x)) = max(x, 0) + log1p(exp(-|x|)): the exponent is never positive.
    loss = np.maximum(x, 0) - x * t + np.log1p(np.exp(-np.abs(x)))
    return loss.mean()
