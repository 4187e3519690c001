"""Right values, but always returns float64."""
import numpy as np

EXPECTED_MISTAKE = None  # reported as a wrong dtype


def softmax(x, axis=-1):
    x = x.astype(np.float64)
    e = np.exp(x - x.max(axis=axis, keepdims=True))
    return e / e.sum(axis=axis, keepdims=True)
