"""The textbook formula without the max: exp(1000) overflows."""
import numpy as np

EXPECTED_MISTAKE = "max not subtracted"


def softmax(x, axis=-1):
    e = np.exp(x)
    return e / e.sum(axis=axis, keepdims=True)
