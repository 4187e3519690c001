"""As a convolution of the zero-dilated input, padded by k-1-p, but with the kernel not rotated."""
import numpy as np
from _base import correlate, dilate, pair

EXPECTED_MISTAKE = "kernel not flipped"


def conv_transpose2d(x, weight, stride=1, padding=0):
    (sH, sW), (pH, pW) = pair(stride), pair(padding)
    kH, kW = weight.shape[2:]
    xd = dilate(x, sH, sW)
    xd = np.pad(xd, ((0, 0), (0, 0), (kH - 1 - pH, kH - 1 - pH), (kW - 1 - pW, kW - 1 - pW)))
    return correlate(xd, weight.transpose(1, 0, 2, 3)).astype(x.dtype)
