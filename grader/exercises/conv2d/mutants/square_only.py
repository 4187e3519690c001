"""Uses the height everywhere the width belongs (W_out from H, kH, sH, pH)."""
import numpy as np
from _base import correlate, pair

EXPECTED_MISTAKE = "square-only code"


def conv2d(x, weight, bias=None, stride=1, padding=0):
    (sH, _), (pH, _) = pair(stride), pair(padding)
    H_out = (x.shape[2] + 2 * pH - weight.shape[2]) // sH + 1
    W_out = H_out
    x_pad = np.pad(x, ((0, 0), (0, 0), (pH, pH), (pH, pH)))
    out = correlate(x_pad, weight, sH, sH, H_out, W_out)
    if bias is not None:
        out = out + bias[None, :, None, None]
    return out.astype(x.dtype)
