"""Crops the padding with full[p:-p], which is empty when p = 0."""
from _base import pair, scatter

EXPECTED_MISTAKE = "crop x[p:-p] empty at padding 0"


def conv_transpose2d(x, weight, stride=1, padding=0):
    (sH, sW), (pH, pW) = pair(stride), pair(padding)
    return scatter(x, weight, sH, sW)[:, :, pH:-pH, pW:-pW]
