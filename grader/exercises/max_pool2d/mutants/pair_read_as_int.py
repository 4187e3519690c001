"""Reads a (h, w) kernel_size as the single number h."""
from _base import pair, pool

EXPECTED_MISTAKE = "pair read as one number"


def max_pool2d(x, kernel_size, stride=None, padding=0):
    first = lambda v: v if isinstance(v, int) else v[0]  # noqa: E731
    k = first(kernel_size)
    sH, sW = pair(k if stride is None else stride)
    pH, pW = pair(padding)
    H_out = (x.shape[2] + 2 * pH - k) // sH + 1
    W_out = (x.shape[3] + 2 * pW - k) // sW + 1
    return pool(x, k, k, sH, sW, pH, pW, H_out, W_out)
