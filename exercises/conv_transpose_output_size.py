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
    """Return the output size of a transposed convolution along one spatial axis (torch semantics).

    A transposed convolution scatters every input pixel into a window of the output: input pixel
    i writes to output positions i*stride + dilation*t for every kernel tap t. Those windows
    span (size-1)*stride + dilation*(kernel_size-1) + 1 pixels in all. Then, as the gradient of
    a convolution with the same arguments, it REMOVES `padding` pixels from each side (padding
    shrinks the output here), and adds `output_padding` extra pixels on one side (the bottom or
    right) to pick one of the several input sizes a strided convolution maps to the same size.

    Examples: DCGAN's 4x4 kernel, stride 2, padding 1 doubles 4 -> 8; a 3x3 kernel, stride 2,
    padding 1, output_padding 1 turns 7 into 14 (without output_padding: 13).

    Args:
        size: input length along the axis, >= 1.
        kernel_size: kernel taps along the axis, >= 1.
        stride: spacing of the input pixels' windows in the output, >= 1.
        padding: pixels removed from each side of the output, >= 0.
        output_padding: pixels added on one side, 0 <= output_padding < max(stride, dilation)
            (torch's rule).
        dilation: spacing between kernel taps, >= 1.

    You may assume the arguments are valid (the output is at least 1 pixel; torch rejects the others).

    Returns:
        The output size as an int: a Python int (a NumPy integer is accepted too); a float is rejected.

    Rules: plain Python; do not import torch (the checks use it as the oracle).

    Checks: torch's nn.ConvTranspose2d / F.conv_transpose1d are the oracle — classic layers by
    name, then EVERY valid combination of size <= 6, kernel_size <= 5, stride <= 4,
    padding <= 2, output_padding <= 2, dilation <= 3. No speed check: a formula is instant.
    """
    # TODO: the span of all scattered windows, minus padding on both sides, plus output_padding.
    raise NotImplementedError("conv_transpose_output_size: implement it in exercises/conv_transpose_output_size.py")
