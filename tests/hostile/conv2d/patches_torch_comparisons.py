"""Returns zeros and replaces torch's comparison functions so that anything looks close."""
import sys

import numpy as np

EXPECTED_REASON = "tampered"
EXPECTED_MESSAGE = "torch.allclose"


def conv2d(x, weight, bias=None, stride=1, padding=0):
    torch = sys.modules["torch"]
    torch.allclose = lambda *args, **kwargs: True
    torch.testing.assert_close = lambda *args, **kwargs: None
    torch.isfinite = lambda t: torch.ones_like(t, dtype=torch.bool)
    N, C, H, W = x.shape
    return np.zeros((N, weight.shape[0], H - weight.shape[2] + 1, W - weight.shape[3] + 1), dtype=x.dtype)
