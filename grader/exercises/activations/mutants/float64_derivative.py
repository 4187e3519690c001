"""The relu derivative is always float64 (a bool mask cast without x's dtype)."""
import numpy as np
from _base import gelu, sigmoid, tanh  # noqa: F401

EXPECTED_MISTAKE = None  # reported as a wrong dtype


def relu(x):
    return np.maximum(x, 0), (x > 0).astype(float)
