"""var = E[x²] − mean²: exact in exact arithmetic, rounding noise in float32 when the mean is large."""
from _base import layer_norm_with

EXPECTED_MISTAKE = "variance in one pass (E[x²] − E[x]²)"


def layer_norm(x, weight, bias, eps=1e-5):
    return layer_norm_with(x, weight, bias, eps, one_pass=True)
