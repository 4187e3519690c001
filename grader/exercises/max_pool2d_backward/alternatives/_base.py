"""Not an alternative: the argument plumbing the alternatives share (pairs, the stride default, -inf padding)."""
import numpy as np


def pool_args(x, kernel_size, stride, padding):
    """(kH, kW), (sH, sW), (pH, pW) and x padded with -inf."""
    pair = lambda v: (v, v) if isinstance(v, int) else tuple(v)  # noqa: E731
    (kH, kW), (sH, sW), (pH, pW) = pair(kernel_size), pair(kernel_size if stride is None else stride), pair(padding)
    x_pad = np.pad(x, ((0, 0), (0, 0), (pH, pH), (pW, pW)), constant_values=-np.inf)
    return (kH, kW), (sH, sW), (pH, pW), x_pad
