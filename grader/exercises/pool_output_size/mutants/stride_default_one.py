"""Treats stride=None as stride 1 (nn.Conv2d's default, not nn.MaxPool2d's)."""
EXPECTED_MISTAKE = "stride default not kernel_size"


def pool_output_size(size, kernel_size, stride=None, padding=0, dilation=1, ceil_mode=False):
    stride = 1 if stride is None else stride
    last = size + 2 * padding - dilation * (kernel_size - 1) - 1
    out = (-(-last // stride) if ceil_mode else last // stride) + 1
    if ceil_mode and (out - 1) * stride >= size + padding:
        out -= 1
    return out
