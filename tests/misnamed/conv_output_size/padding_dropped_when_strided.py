"""Padding used only at stride 1. At padding 1 and stride 2 that is exactly one less than the truth, as a
missing +1 would be, on about half of the wrong points: a coincidence, not the mistake, so nothing
may be named."""

EXPECTED_MISTAKE = None


def conv_output_size(size, kernel_size, stride=1, padding=0, dilation=1):
    pad = padding if stride == 1 else 0
    return (size + 2 * pad - dilation * (kernel_size - 1) - 1) // stride + 1
