"""A mask x == max: every tied maximum of a window gets its whole gradient."""
from _base import backward

EXPECTED_MISTAKE = "gradient to every tied maximum"


def max_pool2d_backward(x, dout, kernel_size, stride=None, padding=0):
    return backward(x, dout, kernel_size, stride, padding, ties="all")
