"""Normalises over every element instead of along the axis."""
import numpy as np

EXPECTED_MISTAKE = "normalised over the whole array"


def softmax(x, axis=-1):
    e = np.exp(x - x.max(axis=axis, keepdims=True))
    return e / e.sum()
