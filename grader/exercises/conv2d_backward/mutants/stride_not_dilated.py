"""dout sent back to positions i + u instead of i*s + u (not dilated by the stride)."""
from _base import backward

EXPECTED_MISTAKE = "strided positions wrong"


def conv2d_backward(x, weight, dout, stride=1, padding=0):
    return backward(x, weight, dout, stride, padding, dilate=False)
