"""Reads the weight as (in, out), the NumPy habit: fan_in = shape[0]."""
import math

from _base import kaiming_std, rng_or_new, xavier_normal, xavier_uniform  # noqa: F401

EXPECTED_MISTAKE = "fan_in and fan_out swapped"


def swapped(shape):
    if len(shape) < 2:
        raise ValueError("need at least 2 dimensions")
    rf = math.prod(shape[2:])
    return shape[0] * rf, shape[1] * rf


def kaiming_uniform(shape, a=0, mode="fan_in", nonlinearity="leaky_relu", rng=None):
    b = math.sqrt(3) * kaiming_std(shape, a, mode, nonlinearity, fans=swapped)
    return rng_or_new(rng).uniform(-b, b, size=shape)


def kaiming_normal(shape, a=0, mode="fan_in", nonlinearity="leaky_relu", rng=None):
    return rng_or_new(rng).normal(0, kaiming_std(shape, a, mode, nonlinearity, fans=swapped), size=shape)
