"""Right values, wrong dtype."""
from _base import correct_conv2d

EXPECTED_REASON = "mismatch"
EXPECTED_MESSAGE = "wrong dtype"


def conv2d(x, weight, bias=None, stride=1, padding=0):
    return correct_conv2d(x, weight, bias, stride, padding).astype("float16")
