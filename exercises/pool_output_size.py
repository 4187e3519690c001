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
    """Return how many outputs max pooling produces along one spatial axis (torch semantics).

    The window positions are counted as for a convolution: `padding` on both sides, a window
    spanning dilation*(kernel_size-1)+1 pixels, steps of `stride`. Two differences:

    - `stride=None` means stride = kernel_size (non-overlapping windows), as in nn.MaxPool2d.
    - `ceil_mode=True` rounds the division UP instead of down, so a last, partial window that
      hangs over the end of the padded input is kept — with one exception: a window must START
      inside the input or the left padding. If the last window would start in the right padding
      (start >= size + padding), it is dropped. Example: size 3, kernel 2, stride 2, padding 1,
      ceil_mode=True gives 2, not 3 (the third window would start at 4 in the padded input,
      which holds 1 + 3 + 1 pixels: positions 0..4, the last of them right padding).

    Examples: AlexNet's 3x3, stride-2 pool on 55x55 gives 27; GoogLeNet's 3x3, stride-2 pool
    with ceil_mode=True on 112x112 gives 56 (floor would give 55).

    Args:
        size: input length along the axis, >= 1.
        kernel_size: window length along the axis, >= 1.
        stride: step between two windows, >= 1, or None for kernel_size.
        padding: implicit padding on each side, 0 <= padding <= kernel_size // 2 (torch's rule).
        dilation: spacing between the window's taps, >= 1.
        ceil_mode: round up instead of down (with the rule above).

    You may assume the arguments are valid (at least one window fits; torch rejects the others).

    Returns:
        The output size as an int: a Python int (a NumPy integer is accepted too); a float such
        as 27.0 is rejected. Use integer arithmetic: ceil(a / b) == -(-a // b) == (a + b - 1) // b.

    Rules: plain Python; do not import torch (the checks use it as the oracle).

    Checks: torch's F.max_pool1d/max_pool2d are the oracle — classic layers by name, then EVERY
    valid combination of size <= 10, kernel_size <= 5, stride in (None, 1..4), padding <= 2,
    dilation <= 3, both ceil modes. No speed check: a formula is instant.
    """
    # TODO: default the stride, count the windows with floor or ceil, then apply the ceil_mode rule.
    raise NotImplementedError("pool_output_size: implement it in exercises/pool_output_size.py")
