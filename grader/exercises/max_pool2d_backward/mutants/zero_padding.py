"""Padded with zeros: an all-negative border window's gradient goes to the padding and is lost."""
from _base import backward

EXPECTED_MISTAKE = "padded with zeros, not -inf"


def max_pool2d_backward(x, dout, kernel_size, stride=None, padding=0):
    return backward(x, dout, kernel_size, stride, padding, pad_value=0.0)
