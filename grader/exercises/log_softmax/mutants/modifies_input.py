"""Right values, but shifts the caller's array in place."""
import numpy as np

EXPECTED_MISTAKE = "input modified in place"


def log_softmax(x, axis=-1):
    x -= x.max(axis=axis, keepdims=True)
    return x - np.log(np.exp(x).sum(axis=axis, keepdims=True))
