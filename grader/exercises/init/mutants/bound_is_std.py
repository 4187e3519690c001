"""Uses the standard deviation as the uniform bound (sqrt(3) missing)."""
from _base import kaiming_normal, kaiming_std, rng_or_new, xavier_normal, xavier_uniform  # noqa: F401

EXPECTED_MISTAKE = "bound set to the standard deviation"


def kaiming_uniform(shape, a=0, mode="fan_in", nonlinearity="leaky_relu", rng=None):
    b = kaiming_std(shape, a, mode, nonlinearity)
    return rng_or_new(rng).uniform(-b, b, size=shape)
