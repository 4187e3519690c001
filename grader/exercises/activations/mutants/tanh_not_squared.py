"""tanh'(x) as 1 - tanh(x): the square forgotten."""
import numpy as np
from _base import gelu, relu, sigmoid  # noqa: F401

EXPECTED_MISTAKE = "tanh derivative not squared"


def tanh(x):
    t = np.tanh(x)
    return t, 1 - t
