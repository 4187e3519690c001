"""Subtracts log(sum(exp(x - m))) from x, forgetting the m."""
import numpy as np

EXPECTED_MISTAKE = "max not added back"


def log_softmax(x, axis=-1):
    m = x.max(axis=axis, keepdims=True)
    return x - np.log(np.exp(x - m).sum(axis=axis, keepdims=True))
