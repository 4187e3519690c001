"""Pads only the top and the left: the output is one row and one column short."""
import numpy as np
from _base import depthwise, pair, pointwise

EXPECTED_MISTAKE = "wrong output size"


def depthwise_separable_conv2d(x, depthwise_weight, pointwise_weight, stride=1, padding=0):
    (sH, sW), (pH, pW) = pair(stride), pair(padding)
    x_pad = np.pad(x, ((0, 0), (0, 0), (pH, 0), (pW, 0)))
    H_out = (x_pad.shape[2] - depthwise_weight.shape[2]) // sH + 1
    W_out = (x_pad.shape[3] - depthwise_weight.shape[3]) // sW + 1
    y = depthwise(x_pad, depthwise_weight[:, 0], sH, sW, H_out, W_out)
    return pointwise(y, pointwise_weight[:, :, 0, 0]).astype(x.dtype)
