"""Forgets the +1 of the dilated kernel's span."""
EXPECTED_MISTAKE = "missing +1"


def conv_transpose_output_size(size, kernel_size, stride=1, padding=0, output_padding=0, dilation=1):
    return (size - 1) * stride - 2 * padding + dilation * (kernel_size - 1) + output_padding
