"""Never pads."""
from _base import pair, pool

EXPECTED_MISTAKE = "padding ignored"


def max_pool2d(x, kernel_size, stride=None, padding=0):
    (kH, kW) = pair(kernel_size)
    sH, sW = pair(kernel_size if stride is None else stride)
    H_out = (x.shape[2] - kH) // sH + 1
    W_out = (x.shape[3] - kW) // sW + 1
    return pool(x, kH, kW, sH, sW, 0, 0, H_out, W_out)
