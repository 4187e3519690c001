"""Not an alternative: the argument plumbing the alternatives share (stride and padding pairs, zero padding)."""
import numpy as np


def conv_args(x, stride, padding):
    """(sH, sW), (pH, pW) and x padded with zeros."""
    pair = lambda v: (v, v) if isinstance(v, int) else tuple(v)  # noqa: E731
    (sH, sW), (pH, pW) = pair(stride), pair(padding)
    return (sH, sW), (pH, pW), np.pad(x, ((0, 0), (0, 0), (pH, pH), (pW, pW)))
