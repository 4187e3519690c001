"""Right output, but pads and scales x in place."""
from _base import correct_conv2d

EXPECTED_REASON = "mismatch"
EXPECTED_MESSAGE = "modified its input `x` in place"


def conv2d(x, weight, bias=None, stride=1, padding=0):
    out = correct_conv2d(x, weight, bias, stride, padding)
    x *= 2
    return out
