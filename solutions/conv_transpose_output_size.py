"""Output size of a transposed convolution along one axis, exactly as torch.nn.ConvTranspose2d computes it."""
from __future__ import annotations


def conv_transpose_output_size(
    size: int,
    kernel_size: int,
    stride: int = 1,
    padding: int = 0,
    output_padding: int = 0,
    dilation: int = 1,
) -> int:
    """Reference solution: the span of the scattered windows, cropped by padding, extended by output_padding."""
    span = dilation * (kernel_size - 1) + 1  # one input pixel's window in the output
    full = (size - 1) * stride + span  # first window starts at 0, the last at (size-1)*stride
    return full - 2 * padding + output_padding
