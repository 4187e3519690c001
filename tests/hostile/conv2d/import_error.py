"""Imports a module that does not exist."""
import numpy as np
import numpie_extras  # noqa: F401

EXPECTED_REASON = "import_error"
EXPECTED_MESSAGE = "No module named 'numpie_extras'"


def conv2d(x, weight, bias=None, stride=1, padding=0):
    return np.zeros(1)
