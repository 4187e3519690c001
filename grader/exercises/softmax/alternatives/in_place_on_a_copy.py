"""Correct: works in place, but on its own copy of x."""
import numpy as np


def softmax(x, axis=-1):
    z = x - x.max(axis=axis, keepdims=True)  # a new array
    np.exp(z, out=z)
    z /= z.sum(axis=axis, keepdims=True)
    return z
