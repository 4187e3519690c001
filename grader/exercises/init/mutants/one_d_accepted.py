"""Treats a 1-D shape as fan_in = fan_out = its length instead of raising."""
import math

from _base import fans, kaiming_normal, kaiming_uniform, rng_or_new, xavier_uniform  # noqa: F401

EXPECTED_MISTAKE = "1-D shape accepted"


def xavier_normal(shape, gain=1.0, rng=None):
    fan_in, fan_out = (shape[0], shape[0]) if len(shape) == 1 else fans(shape)
    return rng_or_new(rng).normal(0, gain * math.sqrt(2 / (fan_in + fan_out)), size=shape)
