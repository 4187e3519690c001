"""One max for the whole array: a slice far below it has log(0) = -inf."""
import numpy as np

EXPECTED_MISTAKE = "max of the whole array subtracted"


def log_softmax(x, axis=-1):
    m = x.max()
    return x - (m + np.log(np.exp(x - m).sum(axis=axis, keepdims=True)))
