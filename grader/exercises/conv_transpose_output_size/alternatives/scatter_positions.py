"""Correct: scatters every input pixel's window into a list of painted positions, then crops."""


def conv_transpose_output_size(size, kernel_size, stride=1, padding=0, output_padding=0, dilation=1):
    painted = {i * stride + t * dilation for i in range(size) for t in range(kernel_size)}
    full = max(painted) + 1  # positions 0 .. max are the uncropped output
    return full - 2 * padding + output_padding
