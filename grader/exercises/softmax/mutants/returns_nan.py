"""Silences NumPy's warnings, so the NaN of an unstable formula reaches the output."""
import numpy as np

EXPECTED_MISTAKE = None  # reported as NaN in the output


def softmax(x, axis=-1):
    with np.errstate(all="ignore"):
        e = np.exp(x)
        return e / e.sum(axis=axis, keepdims=True)
