"""Rounds the output size up (ceil) and pads the extra windows."""
import numpy as np
from _base import pair, pool

EXPECTED_MISTAKE = "output size rounded up"


def max_pool2d(x, kernel_size, stride=None, padding=0):
    (kH, kW), (pH, pW) = pair(kernel_size), pair(padding)
    sH, sW = pair(kernel_size if stride is None else stride)
    H_out = -(-(x.shape[2] + 2 * pH - kH) // sH) + 1
    W_out = -(-(x.shape[3] + 2 * pW - kW) // sW) + 1
    extra_h = (H_out - 1) * sH + kH - (x.shape[2] + 2 * pH)
    extra_w = (W_out - 1) * sW + kW - (x.shape[3] + 2 * pW)
    x_big = np.pad(x, ((0, 0), (0, 0), (0, extra_h), (0, extra_w)), constant_values=-np.inf)
    return pool(x_big, kH, kW, sH, sW, pH, pW, H_out, W_out)
