"""Adds the padding, as a convolution would."""
EXPECTED_MISTAKE = "padding added instead of removed"


def conv_transpose_output_size(size, kernel_size, stride=1, padding=0, output_padding=0, dilation=1):
    return (size - 1) * stride + 2 * padding + dilation * (kernel_size - 1) + output_padding + 1
