"""Right values, but float32 in gives float64 out."""
import numpy as np
from _base import pair, pool

EXPECTED_MISTAKE = None  # reported as a wrong dtype


def avg_pool2d(x, kernel_size, stride=None, padding=0):
    (kH, kW), (pH, pW) = pair(kernel_size), pair(padding)
    sH, sW = pair(kernel_size if stride is None else stride)
    H_out = (x.shape[2] + 2 * pH - kH) // sH + 1
    W_out = (x.shape[3] + 2 * pW - kW) // sW + 1
    return pool(x.astype(np.float64), kH, kW, sH, sW, pH, pW, H_out, W_out)
