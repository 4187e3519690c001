"""Sizes the output with conv2d's formula, (H + 2p - k) // s + 1, and crops the full output to that."""
from _base import pair, scatter

EXPECTED_MISTAKE = "output size of a convolution"


def conv_transpose2d(x, weight, stride=1, padding=0):
    (sH, sW), (pH, pW) = pair(stride), pair(padding)
    H_out = (x.shape[2] + 2 * pH - weight.shape[2]) // sH + 1
    W_out = (x.shape[3] + 2 * pW - weight.shape[3]) // sW + 1
    return scatter(x, weight, sH, sW)[:, :, pH:pH + H_out, pW:pW + W_out]
