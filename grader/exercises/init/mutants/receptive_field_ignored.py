"""Fans from the first two axes only: conv weights get a 3x too large std."""
import math

from _base import rng_or_new, xavier_std, kaiming_normal, kaiming_uniform, xavier_normal  # noqa: F401

EXPECTED_MISTAKE = "receptive field ignored"


def channel_fans(shape):
    if len(shape) < 2:
        raise ValueError("need at least 2 dimensions")
    return shape[1], shape[0]


def xavier_uniform(shape, gain=1.0, rng=None):
    b = math.sqrt(3) * xavier_std(shape, gain, fans=channel_fans)
    return rng_or_new(rng).uniform(-b, b, size=shape)
