"""Uses input channel 0 only."""
from _base import pair, scatter

EXPECTED_MISTAKE = "input channels not summed"


def conv_transpose2d(x, weight, stride=1, padding=0):
    (sH, sW), (pH, pW) = pair(stride), pair(padding)
    full = scatter(x[:, :1], weight[:1], sH, sW)
    return full[:, :, pH:full.shape[2] - pH, pW:full.shape[3] - pW]
