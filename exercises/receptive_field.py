"""Receptive field of one unit at the top of a stack of convolutions (or poolings)."""
from __future__ import annotations

from typing import Sequence


def receptive_field(layers: Sequence[tuple[int, ...]]) -> int:
    """Return how many input pixels (along one axis) one unit of the last layer can see.

    `layers` lists the layers from the input side to the output side. Each is a tuple
    `(kernel_size, stride)` or `(kernel_size, stride, dilation)` (dilation 1 when omitted); a
    pooling layer is given the same way, by its window and stride. Padding does not change the
    receptive field, so it is not given.

    The receptive field is the width of the input window that can influence one output unit:
    from the first to the last input pixel that it depends on, counting any gaps a dilated
    kernel leaves in between. The classic recurrence, walking from the input to the output with
    r_0 = 1 (one pixel sees itself) and j_0 = 1 (neighbouring units are 1 input pixel apart):

        r_l = r_{l-1} + (k_l - 1) * d_l * j_{l-1}      (a kernel of span d(k-1)+1 in layer l-1's units)
        j_l = j_{l-1} * s_l                            (the jump: input pixels between neighbours)

    Note the order: layer l's kernel is laid over units spaced by the jump of the layer BELOW
    it; its own stride only spaces the units of the layers above.

    Examples: [] -> 1; [(3, 1), (3, 1)] -> 5 (two 3x3 convs see 5x5); [(3, 2), (3, 1)] -> 7;
    [(3, 1, 2)] -> 5; VGG-16's 13 convs and 5 pools -> 212.

    Args:
        layers: a list (or tuple) of (kernel_size, stride) or (kernel_size, stride, dilation),
            all ints >= 1. Do not modify it.

    Returns:
        The receptive field as an int (a Python int; a NumPy integer is accepted too, a float is not).

    Rules: plain Python; do not import torch (the checks use it as the oracle).

    Checks: the oracle MEASURES the receptive field: it builds the stack as real torch
    nn.Conv1d/nn.Conv2d layers (weights 1, no padding), backpropagates from one output unit and
    finds the input pixels with a non-zero gradient. Classic networks by name (LeNet-5, AlexNet,
    VGG-16, ResNet-18), then random stacks. No speed check: the loop is over a handful of layers.
    """
    # TODO: walk the layers from the input side, growing r by the kernel's span times the jump so far.
    raise NotImplementedError("receptive_field: implement it in exercises/receptive_field.py")
