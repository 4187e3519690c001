"""Correct: math.ceil / math.floor on a true division (both return ints in Python 3)."""
import math


def pool_output_size(size, kernel_size, stride=None, padding=0, dilation=1, ceil_mode=False):
    stride = stride or kernel_size
    rounding = math.ceil if ceil_mode else math.floor
    out = rounding((size + 2 * padding - dilation * (kernel_size - 1) - 1) / stride) + 1
    if ceil_mode and (out - 1) * stride >= size + padding:
        out -= 1
    return out
