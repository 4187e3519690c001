"""Always normalises over the last axis."""
import numpy as np

EXPECTED_MISTAKE = "axis ignored"


def log_softmax(x, axis=-1):
    z = x - x.max(axis=-1, keepdims=True)
    return z - np.log(np.exp(z).sum(axis=-1, keepdims=True))
