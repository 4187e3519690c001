"""Never adds the bias."""
import numpy as np
from _base import correlate, pair

EXPECTED_MISTAKE = "bias ignored"


def conv2d(x, weight, bias=None, stride=1, padding=0):
    (sH, sW), (pH, pW) = pair(stride), pair(padding)
    H_out = (x.shape[2] + 2 * pH - weight.shape[2]) // sH + 1
    W_out = (x.shape[3] + 2 * pW - weight.shape[3]) // sW + 1
    x_pad = np.pad(x, ((0, 0), (0, 0), (pH, pH), (pW, pW)))
    return correlate(x_pad, weight, sH, sW, H_out, W_out).astype(x.dtype)
