"""Plain / division: a float, and a fraction wherever the stride does not divide evenly."""
EXPECTED_MISTAKE = None


def conv_output_size(size, kernel_size, stride=1, padding=0, dilation=1):
    return (size + 2 * padding - dilation * (kernel_size - 1) - 1) / stride + 1
