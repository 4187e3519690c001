"""One NaN in an otherwise right output."""
import numpy as np
from _base import correct_conv2d

EXPECTED_REASON = "mismatch"
EXPECTED_MESSAGE = "NaN or Inf"


def conv2d(x, weight, bias=None, stride=1, padding=0):
    out = correct_conv2d(x, weight, bias, stride, padding)
    out.flat[0] = np.nan
    return out
