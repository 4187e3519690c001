"""Xavier with 1 / fan_in (LeCun) instead of 2 / (fan_in + fan_out)."""
import math

from _base import fans, kaiming_normal, kaiming_uniform, rng_or_new, xavier_normal  # noqa: F401

EXPECTED_MISTAKE = "fan_in only (LeCun) in Xavier"


def xavier_uniform(shape, gain=1.0, rng=None):
    fan_in, _ = fans(shape)
    b = gain * math.sqrt(3 / fan_in)
    return rng_or_new(rng).uniform(-b, b, size=shape)
