"""The exact GELU, x * Phi(x) (erf through math.erf), and its derivative."""
import math

import numpy as np
from _base import relu, sigmoid, tanh  # noqa: F401

EXPECTED_MISTAKE = "exact (erf) GELU instead of the tanh form"
erf = np.vectorize(math.erf, otypes=[np.float64])


def gelu(x):
    cdf = 0.5 * (1 + erf(x / math.sqrt(2)))
    pdf = np.exp(-0.5 * x * x) / math.sqrt(2 * math.pi)
    return (x * cdf).astype(x.dtype), (cdf + x * pdf).astype(x.dtype)
