"""Subtracts one max for the whole array: a slice far below it underflows to 0/0."""
import numpy as np

EXPECTED_MISTAKE = "max of the whole array subtracted"


def softmax(x, axis=-1):
    e = np.exp(x - x.max())
    return e / e.sum(axis=axis, keepdims=True)
