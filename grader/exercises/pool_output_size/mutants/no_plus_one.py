"""Forgets the +1 for the first window."""
EXPECTED_MISTAKE = "missing +1"


def pool_output_size(size, kernel_size, stride=None, padding=0, dilation=1, ceil_mode=False):
    stride = stride or kernel_size
    last = size + 2 * padding - dilation * (kernel_size - 1) - 1
    out = -(-last // stride) if ceil_mode else last // stride
    if ceil_mode and (out - 1) * stride >= size + padding:
        out -= 1
    return out
