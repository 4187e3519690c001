"""Reads the padding pair as (pW, pH) when the stride is 1: right whenever padding is an int, an equal
pair, or the stride is not 1 (seen in public code: a stride-1 fast path written separately)."""
from _base import pair, pool

EXPECTED_MISTAKE = None


def avg_pool2d(x, kernel_size, stride=None, padding=0):
    kH, kW = pair(kernel_size)
    sH, sW = (kH, kW) if stride is None else pair(stride)
    pH, pW = pair(padding)
    if (sH, sW) == (1, 1):
        pW, pH = pH, pW  # the wrong order, on the stride-1 path only
    H_out = (x.shape[2] + 2 * pH - kH) // sH + 1
    W_out = (x.shape[3] + 2 * pW - kW) // sW + 1
    return pool(x, kH, kW, sH, sW, pH, pW, H_out, W_out)
