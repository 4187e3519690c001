"""Computes the 'full' correlation (padding kH-1), then crops c = kH-1-p from each side as full[c:-c]:
empty when c = 0 (a 1x1 kernel without padding), since -0 is 0."""
import numpy as np
from _base import correlate, pair

EXPECTED_MISTAKE = "breaks when padding is 0"


def conv2d(x, weight, bias=None, stride=1, padding=0):
    (sH, sW), (pH, pW) = pair(stride), pair(padding)
    kH, kW = weight.shape[2:]
    x_full = np.pad(x, ((0, 0), (0, 0), (kH - 1, kH - 1), (kW - 1, kW - 1)))
    full = correlate(x_full, weight, 1, 1, x.shape[2] + kH - 1, x.shape[3] + kW - 1)
    cH, cW = kH - 1 - pH, kW - 1 - pW
    out = full[:, :, cH:-cH:sH, cW:-cW:sW]
    if bias is not None:
        out = out + bias[None, :, None, None]
    return out.astype(x.dtype)
