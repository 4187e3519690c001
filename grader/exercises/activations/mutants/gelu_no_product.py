"""Treats the leading x as a constant: only 0.5 * (1 + tanh(u))."""
import numpy as np
from _base import C, K, relu, sigmoid, tanh  # noqa: F401

EXPECTED_MISTAKE = "GELU product rule missed"


def gelu(x):
    t = np.tanh(C * (x + K * x**3))
    return 0.5 * x * (1 + t), 0.5 * (1 + t)
