"""The mean is right, but x − mean is not zeroed on the padded lanes: each adds mean² to the variance."""
from _base import layer_norm_with

EXPECTED_MISTAKE = "padded lanes counted in the statistics"


def layer_norm(x, weight, bias, eps=1e-5):
    return layer_norm_with(x, weight, bias, eps, padded=1)
