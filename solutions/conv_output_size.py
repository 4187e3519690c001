"""Output size of a convolution along one axis, exactly as torch.nn.Conv1d/Conv2d compute it."""
from __future__ import annotations


def conv_output_size(size: int, kernel_size: int, stride: int = 1, padding: int = 0, dilation: int = 1) -> int:
    """Reference solution: count the window positions that fit in the padded input."""
    span = dilation * (kernel_size - 1) + 1  # pixels covered by the dilated kernel
    last_start = size + 2 * padding - span  # the last position where the window still fits
    return last_start // stride + 1  # steps of `stride` from 0 to last_start, plus the first one
