"""Returns the softmax, not its log."""
import numpy as np

EXPECTED_MISTAKE = "returned probabilities"


def log_softmax(x, axis=-1):
    e = np.exp(x - x.max(axis=axis, keepdims=True))
    return e / e.sum(axis=axis, keepdims=True)
