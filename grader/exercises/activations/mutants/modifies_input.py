"""relu clamps the caller's array in place."""
import numpy as np
from _base import gelu, sigmoid, tanh  # noqa: F401

EXPECTED_MISTAKE = "input modified in place"


def relu(x):
    slope = (x > 0).astype(x.dtype)
    np.maximum(x, 0, out=x)
    return x, slope
