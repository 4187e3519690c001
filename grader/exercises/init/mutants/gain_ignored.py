"""Xavier normal without the gain."""
from _base import kaiming_normal, kaiming_uniform, rng_or_new, xavier_std, xavier_uniform  # noqa: F401

EXPECTED_MISTAKE = "gain ignored"


def xavier_normal(shape, gain=1.0, rng=None):
    return rng_or_new(rng).normal(0, xavier_std(shape, 1.0), size=shape)
