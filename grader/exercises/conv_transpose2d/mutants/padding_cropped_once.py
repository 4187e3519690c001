"""Crops the padding from the start only: p rows and columns in all instead of p from each side."""
from _base import pair, scatter

EXPECTED_MISTAKE = "wrong output size"


def conv_transpose2d(x, weight, stride=1, padding=0):
    (sH, sW), (pH, pW) = pair(stride), pair(padding)
    return scatter(x, weight, sH, sW)[:, :, pH:, pW:]
