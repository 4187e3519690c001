"""Pads by slicing x_pad[:, :, p:-p] = x, which is empty when p = 0."""
import numpy as np
from _base import correlate, pair

EXPECTED_MISTAKE = None  # crashes or gives an empty output; either way rejected


def conv2d(x, weight, bias=None, stride=1, padding=0):
    (sH, sW), (pH, pW) = pair(stride), pair(padding)
    N, C, H, W = x.shape
    x_pad = np.zeros((N, C, H + 2 * pH, W + 2 * pW), dtype=x.dtype)
    x_pad[:, :, pH:-pH, pW:-pW] = x
    H_out = (H + 2 * pH - weight.shape[2]) // sH + 1
    W_out = (W + 2 * pW - weight.shape[3]) // sW + 1
    out = correlate(x_pad, weight, sH, sW, H_out, W_out)
    if bias is not None:
        out = out + bias[None, :, None, None]
    return out.astype(x.dtype)
