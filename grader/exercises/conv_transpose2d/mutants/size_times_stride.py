"""Sizes the output as H*s - 2p + k: one extra stride of zeros at the bottom and right."""
import numpy as np
from _base import pair, scatter

EXPECTED_MISTAKE = "output size: H*s instead of (H-1)*s"


def conv_transpose2d(x, weight, stride=1, padding=0):
    (sH, sW), (pH, pW) = pair(stride), pair(padding)
    full = np.pad(scatter(x, weight, sH, sW), ((0, 0), (0, 0), (0, sH), (0, sW)))
    H_out = x.shape[2] * sH - 2 * pH + weight.shape[2]
    W_out = x.shape[3] * sW - 2 * pW + weight.shape[3]
    return full[:, :, pH:pH + H_out, pW:pW + W_out]
