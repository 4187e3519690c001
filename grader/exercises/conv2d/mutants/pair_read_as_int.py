"""Reads stride=(sH, sW) and padding=(pH, pW) as their first number only."""
import numpy as np
from _base import correlate

EXPECTED_MISTAKE = "pair read as one number"


def conv2d(x, weight, bias=None, stride=1, padding=0):
    s = stride if isinstance(stride, int) else stride[0]
    p = padding if isinstance(padding, int) else padding[0]
    H_out = (x.shape[2] + 2 * p - weight.shape[2]) // s + 1
    W_out = (x.shape[3] + 2 * p - weight.shape[3]) // s + 1
    x_pad = np.pad(x, ((0, 0), (0, 0), (p, p), (p, p)))
    out = correlate(x_pad, weight, s, s, H_out, W_out)
    if bias is not None:
        out = out + bias[None, :, None, None]
    return out.astype(x.dtype)
