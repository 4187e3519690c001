"""Replaces np.allclose while being imported."""
import numpy as np

EXPECTED_REASON = "import_error"
EXPECTED_MESSAGE = "numpy.allclose"

np.allclose = lambda *args, **kwargs: True


def conv2d(x, weight, bias=None, stride=1, padding=0):
    return np.zeros(1)
