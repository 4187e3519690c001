"""Right distribution, returned as float32."""
import numpy as np
from _base import kaiming_normal, kaiming_uniform, rng_or_new, xavier_std, xavier_uniform  # noqa: F401

EXPECTED_MISTAKE = None  # reported as a wrong dtype


def xavier_normal(shape, gain=1.0, rng=None):
    return rng_or_new(rng).normal(0, xavier_std(shape, gain), size=shape).astype(np.float32)
