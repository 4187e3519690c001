"""Crops padding=(pH, pW) as (pW, pH) when the stride is 1 (a stride-1 path written as a padded
convolution, separately): right whenever the padding is an int or an equal pair, or the stride not 1."""
from _base import pair, scatter

EXPECTED_MISTAKE = None


def conv_transpose2d(x, weight, stride=1, padding=0):
    sH, sW = pair(stride)
    pH, pW = pair(padding)
    if (sH, sW) == (1, 1):
        pH, pW = pW, pH  # the wrong order, on the stride-1 path only
    full = scatter(x, weight, sH, sW)
    return full[:, :, pH:full.shape[2] - pH, pW:full.shape[3] - pW]
