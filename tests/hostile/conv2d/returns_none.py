"""Forgets to return."""
from _base import correct_conv2d

EXPECTED_REASON = "mismatch"
EXPECTED_MESSAGE = "did you forget to `return`"


def conv2d(x, weight, bias=None, stride=1, padding=0):
    correct_conv2d(x, weight, bias, stride, padding)
