"""Dilated-input route that flips the caller's weight in place: right values, damaged input."""
import numpy as np
from _base import correlate, dilate, pair

EXPECTED_MISTAKE = "input modified in place"


def conv_transpose2d(x, weight, stride=1, padding=0):
    (sH, sW), (pH, pW) = pair(stride), pair(padding)
    kH, kW = weight.shape[2:]
    weight[:] = weight[:, :, ::-1, ::-1].copy()  # rotates the caller's array
    xd = dilate(x, sH, sW)
    xd = np.pad(xd, ((0, 0), (0, 0), (kH - 1 - pH, kH - 1 - pH), (kW - 1 - pW, kW - 1 - pW)))
    return correlate(xd, weight.transpose(1, 0, 2, 3)).astype(x.dtype)
