"""Slides the kernel over the unpadded input (padding ignored)."""
from _base import correlate, pair

EXPECTED_MISTAKE = "padding ignored"


def conv2d(x, weight, bias=None, stride=1, padding=0):
    (sH, sW), _ = pair(stride), pair(padding)
    H_out = (x.shape[2] - weight.shape[2]) // sH + 1
    W_out = (x.shape[3] - weight.shape[3]) // sW + 1
    out = correlate(x, weight, sH, sW, H_out, W_out)
    if bias is not None:
        out = out + bias[None, :, None, None]
    return out.astype(x.dtype)
