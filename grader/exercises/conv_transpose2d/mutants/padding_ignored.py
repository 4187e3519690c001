"""Returns the full output, never cropping the padding."""
from _base import pair, scatter

EXPECTED_MISTAKE = "padding ignored"


def conv_transpose2d(x, weight, stride=1, padding=0):
    (sH, sW), _ = pair(stride), pair(padding)
    return scatter(x, weight, sH, sW)
