"""Adds the padding on one side only."""
EXPECTED_MISTAKE = "padding counted once"


def conv_output_size(size, kernel_size, stride=1, padding=0, dilation=1):
    return (size + padding - dilation * (kernel_size - 1) - 1) // stride + 1
