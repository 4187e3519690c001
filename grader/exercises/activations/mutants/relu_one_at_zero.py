"""relu'(0) = 1: the gradient passes where x >= 0."""
import numpy as np
from _base import gelu, sigmoid, tanh  # noqa: F401

EXPECTED_MISTAKE = "relu'(0) = 1"


def relu(x):
    return np.maximum(x, 0), (x >= 0).astype(x.dtype)
