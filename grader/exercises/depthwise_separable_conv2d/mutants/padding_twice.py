"""Pads the input of the pointwise step too."""
from _base import depthwise, out_size, pad, pair, pointwise

EXPECTED_MISTAKE = "padding applied twice"


def depthwise_separable_conv2d(x, depthwise_weight, pointwise_weight, stride=1, padding=0):
    (sH, sW), (pH, pW) = pair(stride), pair(padding)
    H_out, W_out = out_size(x, depthwise_weight, sH, sW, pH, pW)
    y = depthwise(pad(x, pH, pW), depthwise_weight[:, 0], sH, sW, H_out, W_out)
    return pointwise(pad(y, pH, pW), pointwise_weight[:, :, 0, 0]).astype(x.dtype)
