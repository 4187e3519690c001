"""Rounds up in ceil_mode but keeps a last window that starts in the right padding."""
import math

EXPECTED_MISTAKE = "ceil_mode rule missing"


def pool_output_size(size, kernel_size, stride=None, padding=0, dilation=1, ceil_mode=False):
    stride = stride or kernel_size
    last = size + 2 * padding - dilation * (kernel_size - 1) - 1
    return (math.ceil(last / stride) if ceil_mode else last // stride) + 1
