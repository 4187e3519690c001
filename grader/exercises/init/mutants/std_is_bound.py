"""Xavier normal with std = the uniform bound gain * sqrt(6 / (fan_in + fan_out))."""
import math

from _base import fans, kaiming_normal, kaiming_uniform, rng_or_new, xavier_uniform  # noqa: F401

EXPECTED_MISTAKE = "uniform bound used as the std"


def xavier_normal(shape, gain=1.0, rng=None):
    fan_in, fan_out = fans(shape)
    return rng_or_new(rng).normal(0, gain * math.sqrt(6 / (fan_in + fan_out)), size=shape)
