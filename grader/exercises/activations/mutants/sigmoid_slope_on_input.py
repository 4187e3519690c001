"""sigmoid'(x) as x * (1 - x)."""
import numpy as np
from _base import gelu, relu, tanh  # noqa: F401

EXPECTED_MISTAKE = "sigmoid derivative on the input"


def sigmoid(x):
    z = np.exp(-np.abs(x))
    s = np.where(x >= 0, 1 / (1 + z), z / (1 + z))
    return s, x * (1 - x)
