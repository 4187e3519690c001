"""sech^2(u) as 1 / cosh(u)^2: cosh overflows for large |u|."""
import numpy as np
from _base import C, K, relu, sigmoid, tanh  # noqa: F401

EXPECTED_MISTAKE = "GELU overflow"


def gelu(x):
    u = C * (x + K * x**3)
    t = np.tanh(u)
    return 0.5 * x * (1 + t), 0.5 * (1 + t) + 0.5 * x / np.cosh(u) ** 2 * C * (1 + 3 * K * x * x)
