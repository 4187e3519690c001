"""xavier_uniform drawing from a normal with the right std."""
from _base import kaiming_normal, kaiming_uniform, rng_or_new, xavier_normal, xavier_std  # noqa: F401

EXPECTED_MISTAKE = "normal instead of uniform"


def xavier_uniform(shape, gain=1.0, rng=None):
    return rng_or_new(rng).normal(0, xavier_std(shape, gain), size=shape)
