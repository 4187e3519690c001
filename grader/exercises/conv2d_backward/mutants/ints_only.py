"""Stride and padding read as ints: a pair crashes."""
from _base import backward

EXPECTED_MISTAKE = "square-only code"


def conv2d_backward(x, weight, dout, stride=1, padding=0):
    s, p = int(stride), int(padding)
    return backward(x, weight, dout, (s, s), (p, p))
