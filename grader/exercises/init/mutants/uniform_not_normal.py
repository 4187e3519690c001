"""kaiming_normal drawing from a uniform with the right std."""
import math

from _base import kaiming_std, kaiming_uniform, rng_or_new, xavier_normal, xavier_uniform  # noqa: F401

EXPECTED_MISTAKE = "uniform instead of normal"


def kaiming_normal(shape, a=0, mode="fan_in", nonlinearity="leaky_relu", rng=None):
    b = math.sqrt(3) * kaiming_std(shape, a, mode, nonlinearity)
    return rng_or_new(rng).uniform(-b, b, size=shape)
