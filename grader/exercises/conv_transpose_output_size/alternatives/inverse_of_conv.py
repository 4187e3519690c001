"""Correct: the inverse of the convolution formula, solved for the input size (torch documents it this way)."""
import numpy as np


def conv_transpose_output_size(size, kernel_size, stride=1, padding=0, output_padding=0, dilation=1):
    # A convolution maps n to (n + 2p - d(k-1) - 1) // s + 1; the smallest n mapping to `size`, plus output_padding.
    return np.int64(stride * (size - 1) + dilation * (kernel_size - 1) + 1 - 2 * padding + output_padding)
