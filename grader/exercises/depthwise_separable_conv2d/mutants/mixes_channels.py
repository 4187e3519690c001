"""Depthwise step as an ordinary conv: kernel c is applied to every input channel and summed."""
from _base import depthwise, out_size, pad, pair, pointwise

EXPECTED_MISTAKE = "depthwise step mixes channels"


def depthwise_separable_conv2d(x, depthwise_weight, pointwise_weight, stride=1, padding=0):
    (sH, sW), (pH, pW) = pair(stride), pair(padding)
    H_out, W_out = out_size(x, depthwise_weight, sH, sW, pH, pW)
    x_sum = pad(x, pH, pW).sum(axis=1, keepdims=True).repeat(x.shape[1], axis=1)  # every channel sees all
    y = depthwise(x_sum, depthwise_weight[:, 0], sH, sW, H_out, W_out)
    return pointwise(y, pointwise_weight[:, :, 0, 0]).astype(x.dtype)
