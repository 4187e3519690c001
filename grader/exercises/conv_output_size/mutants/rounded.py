"""Rounds the division instead of flooring it (and casts back to int)."""
EXPECTED_MISTAKE = "rounded instead of floored"


def conv_output_size(size, kernel_size, stride=1, padding=0, dilation=1):
    return int(round((size + 2 * padding - dilation * (kernel_size - 1) - 1) / stride)) + 1
