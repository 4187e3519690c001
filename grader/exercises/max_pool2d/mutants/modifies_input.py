"""Right values, but replaces NaN-free x by its own clipped copy in place (x[:] = ...)."""
import numpy as np
from _base import pair, pool

EXPECTED_MISTAKE = "input modified in place"


def max_pool2d(x, kernel_size, stride=None, padding=0):
    (kH, kW), (pH, pW) = pair(kernel_size), pair(padding)
    sH, sW = pair(kernel_size if stride is None else stride)
    H_out = (x.shape[2] + 2 * pH - kH) // sH + 1
    W_out = (x.shape[3] + 2 * pW - kW) // sW + 1
    out = pool(x, kH, kW, sH, sW, pH, pW, H_out, W_out)
    x -= x.max()  # "normalising" the caller's array in place
    return out
