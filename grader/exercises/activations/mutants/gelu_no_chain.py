"""Differentiates tanh(u) as if u were sqrt(2/pi) * x: the cubic term's 3 * 0.044715 x^2 is lost."""
import numpy as np
from _base import C, K, relu, sigmoid, tanh  # noqa: F401

EXPECTED_MISTAKE = "GELU chain rule missed"


def gelu(x):
    t = np.tanh(C * (x + K * x**3))
    return 0.5 * x * (1 + t), 0.5 * (1 + t) + 0.5 * x * (1 - t * t) * C
