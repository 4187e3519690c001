"""Only right for stride 1: drops the padding when striding."""
EXPECTED_MISTAKE = None


def conv_output_size(size, kernel_size, stride=1, padding=0, dilation=1):
    if stride > 1:
        padding = 0
    return (size + 2 * padding - dilation * (kernel_size - 1) - 1) // stride + 1
