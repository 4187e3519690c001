"""Stops after the depthwise step."""
from _base import depthwise, out_size, pad, pair

EXPECTED_MISTAKE = "pointwise step missing"


def depthwise_separable_conv2d(x, depthwise_weight, pointwise_weight, stride=1, padding=0):
    (sH, sW), (pH, pW) = pair(stride), pair(padding)
    H_out, W_out = out_size(x, depthwise_weight, sH, sW, pH, pW)
    return depthwise(pad(x, pH, pW), depthwise_weight[:, 0], sH, sW, H_out, W_out).astype(x.dtype)
