"""Reads padding=(pH, pW) as (pW, pH) when the stride is one int: right whenever the stride is a pair or
the padding an int or an equal pair."""
from _base import depthwise, out_size, pad, pair, pointwise

EXPECTED_MISTAKE = None


def depthwise_separable_conv2d(x, depthwise_weight, pointwise_weight, stride=1, padding=0):
    sH, sW = pair(stride)
    pH, pW = pair(padding)
    if isinstance(stride, int):
        pH, pW = pW, pH  # the wrong order, on the int-stride path only
    H_out, W_out = out_size(x, depthwise_weight, sH, sW, pH, pW)
    y = depthwise(pad(x, pH, pW), depthwise_weight[:, 0], sH, sW, H_out, W_out)
    return pointwise(y, pointwise_weight[:, :, 0, 0]).astype(x.dtype)
