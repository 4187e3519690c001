"""As a convolution of the dilated input padded by k-1+p (adding padding, as conv2d would)."""
import numpy as np
from _base import correlate, dilate, pair

EXPECTED_MISTAKE = "padding added instead of cropped"


def conv_transpose2d(x, weight, stride=1, padding=0):
    (sH, sW), (pH, pW) = pair(stride), pair(padding)
    kH, kW = weight.shape[2:]
    xd = np.pad(dilate(x, sH, sW), ((0, 0), (0, 0), (kH - 1 + pH, kH - 1 + pH), (kW - 1 + pW, kW - 1 + pW)))
    return correlate(xd, weight.transpose(1, 0, 2, 3)[:, :, ::-1, ::-1]).astype(x.dtype)
