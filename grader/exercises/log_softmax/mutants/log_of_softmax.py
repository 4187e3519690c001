"""Takes the log of a (stable) softmax: log(0) = -inf for far-apart logits."""
import numpy as np

EXPECTED_MISTAKE = "log of the softmax"


def log_softmax(x, axis=-1):
    e = np.exp(x - x.max(axis=axis, keepdims=True))
    return np.log(e / e.sum(axis=axis, keepdims=True))
