"""The textbook sigmoid: exp(1000) overflows for x = -1000 (the value is right, with a warning)."""
import numpy as np
from _base import gelu, relu, tanh  # noqa: F401

EXPECTED_MISTAKE = "sigmoid overflow"


def sigmoid(x):
    s = 1 / (1 + np.exp(-x))
    return s, s * (1 - s)
