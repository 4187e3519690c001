"""Passes the variance to rng.normal, which takes the std."""
from _base import fans, gain, kaiming_uniform, rng_or_new, xavier_normal, xavier_uniform  # noqa: F401

EXPECTED_MISTAKE = "square root missing"


def kaiming_normal(shape, a=0, mode="fan_in", nonlinearity="leaky_relu", rng=None):
    fan_in, fan_out = fans(shape)
    variance = gain(nonlinearity, a) ** 2 / (fan_in if mode == "fan_in" else fan_out)
    return rng_or_new(rng).normal(0, variance, size=shape)
