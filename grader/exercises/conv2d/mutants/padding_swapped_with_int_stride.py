"""Reads padding=(pH, pW) as (pW, pH) when the stride is one int: right whenever the stride is a pair or
the padding is an int or an equal pair, the only cases with unequal padding a hand-written list had."""
from _base import conv, pair

EXPECTED_MISTAKE = None


def conv2d(x, weight, bias=None, stride=1, padding=0):
    (sH, sW), (pH, pW) = pair(stride), pair(padding)
    if isinstance(stride, int):
        pH, pW = pW, pH  # the wrong order, on the int-stride path only
    return conv(x, weight, bias, sH, sW, pH, pW)
