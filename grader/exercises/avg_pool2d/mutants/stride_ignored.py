"""Steps the window by 1 whatever the stride (the argument is read, never used)."""
from _base import pair, pool

EXPECTED_MISTAKE = "stride ignored"


def avg_pool2d(x, kernel_size, stride=None, padding=0):
    (kH, kW), (pH, pW) = pair(kernel_size), pair(padding)
    H_out = x.shape[2] + 2 * pH - kH + 1
    W_out = x.shape[3] + 2 * pW - kW + 1
    return pool(x, kH, kW, 1, 1, pH, pW, H_out, W_out)
