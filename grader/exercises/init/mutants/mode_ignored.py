"""Always divides by fan_in."""
import math

from _base import kaiming_std, kaiming_uniform, rng_or_new, xavier_normal, xavier_uniform  # noqa: F401

EXPECTED_MISTAKE = "mode ignored"


def kaiming_normal(shape, a=0, mode="fan_in", nonlinearity="leaky_relu", rng=None):
    return rng_or_new(rng).normal(0, kaiming_std(shape, a, "fan_in", nonlinearity), size=shape)
