"""relu'(0) = 1/2: the slope at the kink taken as the average of its two sides."""
import numpy as np
from _base import gelu, sigmoid, tanh  # noqa: F401

EXPECTED_MISTAKE = "relu'(0) = 1/2"


def relu(x):
    return np.maximum(x, 0), np.where(x > 0, 1.0, np.where(x == 0, 0.5, 0.0)).astype(x.dtype)
