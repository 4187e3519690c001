"""relu returns only its value."""
import numpy as np
from _base import gelu, sigmoid, tanh  # noqa: F401

EXPECTED_MISTAKE = "not a (value, derivative) pair"


def relu(x):
    return np.maximum(x, 0)
