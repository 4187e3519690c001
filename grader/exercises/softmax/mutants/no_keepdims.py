"""Sums without keepdims: crashes on most shapes, divides by the wrong sums on square ones."""
import numpy as np

EXPECTED_MISTAKE = "sum without keepdims"


def softmax(x, axis=-1):
    e = np.exp(x - x.max(axis=axis, keepdims=True))
    return e / e.sum(axis=axis)
