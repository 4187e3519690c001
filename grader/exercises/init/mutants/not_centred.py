"""U(0, bound): rng.uniform(high=bound) with the default low=0."""
import math

from _base import kaiming_normal, kaiming_std, rng_or_new, xavier_normal, xavier_uniform  # noqa: F401

EXPECTED_MISTAKE = "not centred at 0"


def kaiming_uniform(shape, a=0, mode="fan_in", nonlinearity="leaky_relu", rng=None):
    b = math.sqrt(3) * kaiming_std(shape, a, mode, nonlinearity)
    return rng_or_new(rng).uniform(high=b, size=shape)
