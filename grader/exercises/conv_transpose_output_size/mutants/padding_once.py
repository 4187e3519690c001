"""Removes the padding from one side only."""
EXPECTED_MISTAKE = "padding counted once"


def conv_transpose_output_size(size, kernel_size, stride=1, padding=0, output_padding=0, dilation=1):
    return (size - 1) * stride - padding + dilation * (kernel_size - 1) + output_padding + 1
