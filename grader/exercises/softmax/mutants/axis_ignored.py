"""Always normalises over the last axis."""
import numpy as np

EXPECTED_MISTAKE = "axis ignored"


def softmax(x, axis=-1):
    e = np.exp(x - x.max(axis=-1, keepdims=True))
    return e / e.sum(axis=-1, keepdims=True)
