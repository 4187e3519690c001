"""Correct: math.floor of a true division (math.floor returns an int) and a NumPy integer result."""
import math

import numpy as np


def conv_output_size(size, kernel_size, stride=1, padding=0, dilation=1):
    return np.int64(math.floor((size + 2 * padding - dilation * (kernel_size - 1) - 1) / stride) + 1)
