"""Reads stride=(sH, sW) as (sW, sH) when the padding is one int (a separate path for 'same'-style
padding): right whenever the stride is an int or an equal pair, or the padding a pair."""
import numpy as np
from _base import correlate, pair

EXPECTED_MISTAKE = None


def conv2d(x, weight, bias=None, stride=1, padding=0):
    sH, sW = pair(stride)
    pH, pW = pair(padding)
    if isinstance(padding, int):
        sH, sW = sW, sH  # the wrong order, on the int-padding path only
    H_out = (x.shape[2] + 2 * pH - weight.shape[2]) // sH + 1
    W_out = (x.shape[3] + 2 * pW - weight.shape[3]) // sW + 1
    x_pad = np.pad(x, ((0, 0), (0, 0), (pH, pH), (pW, pW)))
    out = correlate(x_pad, weight, sH, sW, H_out, W_out)
    if bias is not None:
        out = out + bias[None, :, None, None]
    return out.astype(x.dtype)
