"""Forgets the max(x, 0) part of softplus."""
import numpy as np

EXPECTED_MISTAKE = "max(x, 0) term missing"


def binary_cross_entropy_with_logits(logits, targets):
    return (-logits * targets + np.log1p(np.exp(-np.abs(logits)))).mean()
