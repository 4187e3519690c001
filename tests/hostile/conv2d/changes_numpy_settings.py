"""Correct, but changes NumPy's error handling and print options on every call: the verdict must not change."""
import numpy as np
from _base import correct_conv2d

EXPECTED_REASON = None  # passes: the grader puts the settings back after each call


def conv2d(x, weight, bias=None, stride=1, padding=0):
    np.seterr(all="raise")
    np.set_printoptions(precision=1, threshold=3, linewidth=20)
    return correct_conv2d(x, weight, bias, stride, padding)
