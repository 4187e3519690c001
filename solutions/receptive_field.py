"""Receptive field of one unit at the top of a stack of convolutions (or poolings)."""
from __future__ import annotations

from typing import Sequence


def receptive_field(layers: Sequence[tuple[int, ...]]) -> int:
    """Reference solution: the forward recurrence on (receptive field, jump)."""
    r, j = 1, 1  # one input pixel; neighbouring units one pixel apart
    for layer in layers:
        k, s = layer[0], layer[1]
        d = layer[2] if len(layer) > 2 else 1
        r += (k - 1) * d * j  # the kernel's extra taps, spaced by d units of the layer below
        j *= s  # only now: this layer's stride spaces the units of the layers above
    return r
