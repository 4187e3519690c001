"""Crops 2p rows and columns from the start instead of p from each side."""
from _base import pair, scatter

EXPECTED_MISTAKE = "padding cropped from one side"


def conv_transpose2d(x, weight, stride=1, padding=0):
    (sH, sW), (pH, pW) = pair(stride), pair(padding)
    return scatter(x, weight, sH, sW)[:, :, 2 * pH:, 2 * pW:]
