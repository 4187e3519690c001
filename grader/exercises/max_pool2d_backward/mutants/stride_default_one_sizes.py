"""stride None read as 1, the output size computed from it: dout no longer fits (a crash)."""
from _base import backward

EXPECTED_MISTAKE = "stride defaulted to 1"


def max_pool2d_backward(x, dout, kernel_size, stride=None, padding=0):
    return backward(x, dout, kernel_size, stride, padding, default_stride=1, sizes_from="arguments")
