"""Uses the first number of a (h, w) stride or padding for both axes."""
from _base import scatter

EXPECTED_MISTAKE = "pair read as one number"


def conv_transpose2d(x, weight, stride=1, padding=0):
    s = stride if isinstance(stride, int) else stride[0]
    p = padding if isinstance(padding, int) else padding[0]
    full = scatter(x, weight, s, s)
    return full[:, :, p:full.shape[2] - p, p:full.shape[3] - p]
