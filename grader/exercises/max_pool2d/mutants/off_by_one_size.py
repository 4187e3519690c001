"""Forgets the +1 in the output size (drops the last window)."""
from _base import pair, pool

EXPECTED_MISTAKE = "off-by-one output size"


def max_pool2d(x, kernel_size, stride=None, padding=0):
    (kH, kW), (pH, pW) = pair(kernel_size), pair(padding)
    sH, sW = pair(kernel_size if stride is None else stride)
    H_out = max((x.shape[2] + 2 * pH - kH) // sH, 1)
    W_out = max((x.shape[3] + 2 * pW - kW) // sW, 1)
    return pool(x, kH, kW, sH, sW, pH, pW, H_out, W_out)
