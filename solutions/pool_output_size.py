"""Output size of max pooling along one axis, exactly as torch.nn.functional.max_pool2d computes it."""
from __future__ import annotations


def pool_output_size(
    size: int,
    kernel_size: int,
    stride: int | None = None,
    padding: int = 0,
    dilation: int = 1,
    ceil_mode: bool = False,
) -> int:
    """Reference solution: the convolution count, rounded up on request, minus a window in the right padding."""
    if stride is None:
        stride = kernel_size  # nn.MaxPool2d's default: windows side by side
    span = dilation * (kernel_size - 1) + 1
    last_start = size + 2 * padding - span
    if not ceil_mode:
        return last_start // stride + 1
    out = -(-last_start // stride) + 1  # ceil division on ints
    if (out - 1) * stride >= size + padding:
        out -= 1  # the last window would start in the right padding: torch drops it
    return out
