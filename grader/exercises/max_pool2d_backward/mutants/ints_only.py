"""kernel_size, stride and padding read as ints: a pair crashes."""
from _base import backward

EXPECTED_MISTAKE = "square-only code"


def max_pool2d_backward(x, dout, kernel_size, stride=None, padding=0):
    k, p = int(kernel_size), int(padding)
    s = k if stride is None else int(stride)
    return backward(x, dout, (k, k), (s, s), (p, p))
