"""Ignores dilation."""
EXPECTED_MISTAKE = "dilation ignored"


def pool_output_size(size, kernel_size, stride=None, padding=0, dilation=1, ceil_mode=False):
    stride = stride or kernel_size
    last = size + 2 * padding - kernel_size
    out = (-(-last // stride) if ceil_mode else last // stride) + 1
    if ceil_mode and (out - 1) * stride >= size + padding:
        out -= 1
    return out
