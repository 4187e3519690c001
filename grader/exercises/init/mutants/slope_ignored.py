"""Uses sqrt(2) whatever the leaky ReLU slope a."""
import math

from _base import kaiming_normal, kaiming_std, rng_or_new, xavier_normal, xavier_uniform  # noqa: F401

EXPECTED_MISTAKE = "leaky ReLU slope ignored"


def kaiming_uniform(shape, a=0, mode="fan_in", nonlinearity="leaky_relu", rng=None):
    b = math.sqrt(3) * kaiming_std(shape, 0, mode, nonlinearity)
    return rng_or_new(rng).uniform(-b, b, size=shape)
