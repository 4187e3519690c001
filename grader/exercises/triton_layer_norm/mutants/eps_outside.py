"""Divides by sqrt(var) + eps."""
from _base import layer_norm_with

EXPECTED_MISTAKE = "eps outside the square root"


def layer_norm(x, weight, bias, eps=1e-5):
    return layer_norm_with(x, weight, bias, eps, eps_outside=True)
