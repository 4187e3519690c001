"""Pads p zeros on the top and left only: H + p instead of H + 2p."""
import numpy as np
from _base import correlate, pair

EXPECTED_MISTAKE = "padding counted once"


def conv2d(x, weight, bias=None, stride=1, padding=0):
    (sH, sW), (pH, pW) = pair(stride), pair(padding)
    H_out = (x.shape[2] + pH - weight.shape[2]) // sH + 1
    W_out = (x.shape[3] + pW - weight.shape[3]) // sW + 1
    x_pad = np.pad(x, ((0, 0), (0, 0), (pH, 0), (pW, 0)))
    out = correlate(x_pad, weight, sH, sW, H_out, W_out)
    if bias is not None:
        out = out + bias[None, :, None, None]
    return out.astype(x.dtype)
