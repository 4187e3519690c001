"""Takes the dilated span as dilation * kernel_size."""
EXPECTED_MISTAKE = "dilated span as d*k"


def conv_output_size(size, kernel_size, stride=1, padding=0, dilation=1):
    return (size + 2 * padding - dilation * kernel_size) // stride + 1
