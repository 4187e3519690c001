"""Right values, but float64 for a float32 input."""
from _base import pair, scatter

EXPECTED_MISTAKE = None


def conv_transpose2d(x, weight, stride=1, padding=0):
    (sH, sW), (pH, pW) = pair(stride), pair(padding)
    full = scatter(x.astype("float64"), weight.astype("float64"), sH, sW)
    return full[:, :, pH:full.shape[2] - pH, pW:full.shape[3] - pW]
