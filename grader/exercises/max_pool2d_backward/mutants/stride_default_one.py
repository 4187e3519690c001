"""stride None read as 1; the windows are taken as many as dout has."""
from _base import backward

EXPECTED_MISTAKE = "stride defaulted to 1"


def max_pool2d_backward(x, dout, kernel_size, stride=None, padding=0):
    return backward(x, dout, kernel_size, stride, padding, default_stride=1)
