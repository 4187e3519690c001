"""Always the ReLU gain sqrt(2)."""
import math

from _base import fans, kaiming_uniform, rng_or_new, xavier_normal, xavier_uniform  # noqa: F401

EXPECTED_MISTAKE = "nonlinearity ignored"


def kaiming_normal(shape, a=0, mode="fan_in", nonlinearity="leaky_relu", rng=None):
    fan_in, fan_out = fans(shape)
    std = math.sqrt(2) / math.sqrt(fan_in if mode == "fan_in" else fan_out)
    return rng_or_new(rng).normal(0, std, size=shape)
