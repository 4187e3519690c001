"""size * stride instead of (size - 1) * stride."""
EXPECTED_MISTAKE = "size*stride instead of (size-1)*stride"


def conv_transpose_output_size(size, kernel_size, stride=1, padding=0, output_padding=0, dilation=1):
    return size * stride - 2 * padding + dilation * (kernel_size - 1) + output_padding + 1
