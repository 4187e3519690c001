"""Divides the sum of squares by N − 1."""
from _base import layer_norm_with

EXPECTED_MISTAKE = "unbiased variance (divided by N − 1)"


def layer_norm(x, weight, bias, eps=1e-5):
    return layer_norm_with(x, weight, bias, eps, unbiased=True)
