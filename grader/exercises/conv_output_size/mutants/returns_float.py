"""Right value, but a float: np.floor returns a float."""
import numpy as np

EXPECTED_MISTAKE = "returned a float"


def conv_output_size(size, kernel_size, stride=1, padding=0, dilation=1):
    return np.floor((size + 2 * padding - dilation * (kernel_size - 1) - 1) / stride) + 1
