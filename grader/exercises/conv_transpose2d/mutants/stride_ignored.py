"""Paints every kernel at (i, j) instead of (i*sH, j*sW)."""
from _base import pair, scatter

EXPECTED_MISTAKE = "stride ignored"


def conv_transpose2d(x, weight, stride=1, padding=0):
    pH, pW = pair(padding)
    full = scatter(x, weight, 1, 1)
    return full[:, :, pH:full.shape[2] - pH, pW:full.shape[3] - pW]
