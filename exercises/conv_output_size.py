"""Output size of a convolution along one axis, exactly as torch.nn.Conv1d/Conv2d compute it."""
from __future__ import annotations


def conv_output_size(size: int, kernel_size: int, stride: int = 1, padding: int = 0, dilation: int = 1) -> int:
    """Return how many outputs a convolution produces along one spatial axis.

    The input has `size` pixels along the axis; `padding` zeros are added on BOTH sides; a kernel
    of `kernel_size` taps spaced `dilation` pixels apart (so it spans dilation*(kernel_size-1)+1
    pixels) is placed at positions 0, stride, 2*stride, ... as long as it fits entirely inside the
    padded input. Count those positions: that is the output size, the same number nn.Conv2d
    gives for the height (or the width) of its output.

    Example: AlexNet's first layer, an 11x11 kernel with stride 4 on a 227x227 image, gives 55.

    Args:
        size: input length along the axis, >= 1.
        kernel_size: kernel taps along the axis, >= 1.
        stride: step between two window positions, >= 1.
        padding: zeros added on each side, >= 0.
        dilation: spacing between kernel taps, >= 1 (1 = an ordinary kernel).

    You may assume the arguments are valid, i.e. the dilated kernel fits in the padded input
    (torch rejects the others).

    Returns:
        The output size as an int: a Python int (a NumPy integer is accepted too). A float, even
        55.0, is rejected: compute with integer arithmetic (floor division `//`).

    Rules: plain Python; do not import torch (the checks use it as the oracle).

    Checks: torch's own layers are the oracle — classic network layers by name, then EVERY valid
    combination of size <= 10, kernel_size <= 5, stride <= 4, padding <= 3, dilation <= 3. There
    is no speed check: a formula is instant, what matters is that it is right everywhere.
    """
    # TODO: the span of the dilated kernel, the padded length, then count the window positions.
    raise NotImplementedError("conv_output_size: implement it in exercises/conv_output_size.py")
