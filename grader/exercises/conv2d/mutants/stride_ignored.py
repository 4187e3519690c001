"""Slides the kernel one step at a time whatever the stride (stride accepted, never used)."""
from _base import conv, pair

EXPECTED_MISTAKE = "stride ignored"


def conv2d(x, weight, bias=None, stride=1, padding=0):
    pH, pW = pair(padding)
    return conv(x, weight, bias, 1, 1, pH, pW)
