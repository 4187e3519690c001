"""Right values, as a float."""
EXPECTED_MISTAKE = "returned a float"


def conv_transpose_output_size(size, kernel_size, stride=1, padding=0, output_padding=0, dilation=1):
    return float((size - 1) * stride - 2 * padding + dilation * (kernel_size - 1) + output_padding + 1)
