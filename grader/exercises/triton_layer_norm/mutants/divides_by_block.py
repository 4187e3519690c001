"""Mean and variance divided by BLOCK_N, the padded block's size, instead of N."""
from _base import layer_norm_with

EXPECTED_MISTAKE = "padded lanes counted in the statistics"


def layer_norm(x, weight, bias, eps=1e-5):
    return layer_norm_with(x, weight, bias, eps, padded=2)
