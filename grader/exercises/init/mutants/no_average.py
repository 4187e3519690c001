"""Xavier with 3 / (fan_in + fan_out) under the square root: the factor 2 of the average is missing."""
import math

from _base import fans, kaiming_normal, kaiming_uniform, rng_or_new, xavier_normal  # noqa: F401

EXPECTED_MISTAKE = "Xavier's factor 2 missing"


def xavier_uniform(shape, gain=1.0, rng=None):
    fan_in, fan_out = fans(shape)
    b = gain * math.sqrt(3 / (fan_in + fan_out))
    return rng_or_new(rng).uniform(-b, b, size=shape)
