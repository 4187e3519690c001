"""tanh'(x) as 1 - x**2."""
import numpy as np
from _base import gelu, relu, sigmoid  # noqa: F401

EXPECTED_MISTAKE = "tanh derivative on the input"


def tanh(x):
    return np.tanh(x), 1 - x**2
