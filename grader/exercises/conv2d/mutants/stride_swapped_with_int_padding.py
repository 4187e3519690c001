"""Reads stride=(sH, sW) as (sW, sH) when the padding is one int (a separate path for 'same'-style
padding): right whenever the stride is an int or an equal pair, or the padding a pair."""
from _base import conv, pair

EXPECTED_MISTAKE = None


def conv2d(x, weight, bias=None, stride=1, padding=0):
    (sH, sW), (pH, pW) = pair(stride), pair(padding)
    if isinstance(padding, int):
        sH, sW = sW, sH  # the wrong order, on the int-padding path only
    return conv(x, weight, bias, sH, sW, pH, pW)
