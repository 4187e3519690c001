"""Reads padding=(pH, pW) as (pW, pH) when the stride is one int: right whenever the stride is a pair or
the padding is an int or an equal pair, the only cases with unequal padding a hand-written list had."""
import numpy as np
from _base import correlate, pair

EXPECTED_MISTAKE = None


def conv2d(x, weight, bias=None, stride=1, padding=0):
    sH, sW = pair(stride)
    pH, pW = pair(padding)
    if isinstance(stride, int):
        pH, pW = pW, pH  # the wrong order, on the int-stride path only
    H_out = (x.shape[2] + 2 * pH - weight.shape[2]) // sH + 1
    W_out = (x.shape[3] + 2 * pW - weight.shape[3]) // sW + 1
    x_pad = np.pad(x, ((0, 0), (0, 0), (pH, pH), (pW, pW)))
    out = correlate(x_pad, weight, sH, sW, H_out, W_out)
    if bias is not None:
        out = out + bias[None, :, None, None]
    return out.astype(x.dtype)
