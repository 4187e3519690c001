"""np.where picks the safe expression, but both are computed: exp(-x) still overflows."""
import numpy as np
from _base import gelu, relu, tanh  # noqa: F401

EXPECTED_MISTAKE = "sigmoid overflow"


def sigmoid(x):
    s = np.where(x >= 0, 1 / (1 + np.exp(-x)), np.exp(x) / (1 + np.exp(x)))
    return s, s * (1 - s)
