"""Right values, but subtracts the max from the caller's array in place."""
import numpy as np

EXPECTED_MISTAKE = "input modified in place"


def softmax(x, axis=-1):
    x -= x.max(axis=axis, keepdims=True)
    e = np.exp(x)
    return e / e.sum(axis=axis, keepdims=True)
