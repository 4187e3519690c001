"""Rounds the division up, as pooling does with ceil_mode=True."""
import math

EXPECTED_MISTAKE = "ceil instead of floor"


def conv_output_size(size, kernel_size, stride=1, padding=0, dilation=1):
    return math.ceil((size + 2 * padding - dilation * (kernel_size - 1) - 1) / stride) + 1
