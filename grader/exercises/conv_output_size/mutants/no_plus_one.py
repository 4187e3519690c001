"""Counts the steps between window positions but forgets the first position."""
EXPECTED_MISTAKE = "missing +1"


def conv_output_size(size, kernel_size, stride=1, padding=0, dilation=1):
    return (size + 2 * padding - dilation * (kernel_size - 1) - 1) // stride
