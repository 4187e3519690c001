"""Treats stride=None as stride 1 (overlapping windows) instead of stride = kernel_size."""
from _base import pair, pool

EXPECTED_MISTAKE = "stride defaulted to 1"


def avg_pool2d(x, kernel_size, stride=None, padding=0):
    (kH, kW), (sH, sW), (pH, pW) = pair(kernel_size), pair(1 if stride is None else stride), pair(padding)
    H_out = (x.shape[2] + 2 * pH - kH) // sH + 1
    W_out = (x.shape[3] + 2 * pW - kW) // sW + 1
    return pool(x, kH, kW, sH, sW, pH, pW, H_out, W_out)
