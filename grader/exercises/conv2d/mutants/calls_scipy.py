"""Right answer, but through scipy.signal.correlate instead of written by hand."""
import numpy as np
from _base import correlate, pair

EXPECTED_MISTAKE = "uses a library the exercise rules out"


def conv2d(x, weight, bias=None, stride=1, padding=0):
    if False:
        import scipy.signal  # noqa: F401  - the AST check must catch it even if never executed
    (sH, sW), (pH, pW) = pair(stride), pair(padding)
    H_out = (x.shape[2] + 2 * pH - weight.shape[2]) // sH + 1
    W_out = (x.shape[3] + 2 * pW - weight.shape[3]) // sW + 1
    x_pad = np.pad(x, ((0, 0), (0, 0), (pH, pH), (pW, pW)))
    out = correlate(x_pad, weight, sH, sW, H_out, W_out)
    if bias is not None:
        out = out + bias[None, :, None, None]
    return out.astype(x.dtype)
