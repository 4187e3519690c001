"""Takes fewer arguments than the spec."""
import numpy as np

EXPECTED_REASON = "crash"
EXPECTED_MESSAGE = "TypeError"


def conv2d(x, weight):
    return np.zeros_like(x)
