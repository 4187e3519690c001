"""Modifies x in place and replaces np.array_equal so the change would go unnoticed."""
import numpy as np
from _base import correct_conv2d

EXPECTED_REASON = "tampered"
EXPECTED_MESSAGE = "numpy.array_equal"


def conv2d(x, weight, bias=None, stride=1, padding=0):
    out = correct_conv2d(x, weight, bias, stride, padding)
    x[...] = 0
    np.array_equal = lambda *args, **kwargs: True
    return out
