"""tanh from its definition: inf / inf for x = 1000."""
import numpy as np
from _base import gelu, relu, sigmoid  # noqa: F401

EXPECTED_MISTAKE = "tanh from exponentials"


def tanh(x):
    t = (np.exp(x) - np.exp(-x)) / (np.exp(x) + np.exp(-x))
    return t, 1 - t * t
