"""Draws from the global np.random state, ignoring rng."""
import math

import numpy as np
from _base import kaiming_normal, kaiming_uniform, xavier_normal, xavier_std  # noqa: F401

EXPECTED_MISTAKE = "rng ignored"


def xavier_uniform(shape, gain=1.0, rng=None):
    b = math.sqrt(3) * xavier_std(shape, gain)
    return np.random.uniform(-b, b, size=shape)
