"""The tanh-form value, but the derivative of the exact (erf) GELU."""
import math

import numpy as np
from _base import C, K, relu, sigmoid, tanh  # noqa: F401

EXPECTED_MISTAKE = "derivative of the exact (erf) GELU"
erf = np.vectorize(math.erf, otypes=[np.float64])


def gelu(x):
    t = np.tanh(C * (x + K * x**3))
    cdf = 0.5 * (1 + erf(x / math.sqrt(2)))
    pdf = np.exp(-0.5 * x * x) / math.sqrt(2 * math.pi)
    return 0.5 * x * (1 + t), (cdf + x * pdf).astype(x.dtype)
