"""Replaces torch's conv2d (the oracle) with one that returns whatever this file computes."""
import sys

import numpy as np

EXPECTED_REASON = "tampered"
EXPECTED_MESSAGE = "torch.nn.functional.conv2d"


def conv2d(x, weight, bias=None, stride=1, padding=0):
    torch = sys.modules["torch"]
    torch.nn.functional.conv2d = lambda X, Wt, B=None, stride=1, padding=0: torch.zeros(1)
    torch.conv2d = torch.nn.functional.conv2d
    return np.zeros(1, dtype=x.dtype)
