"""The log-sum-exp loses its axis and broadcasts against the wrong one."""
import numpy as np

EXPECTED_MISTAKE = "sum without keepdims"


def log_softmax(x, axis=-1):
    m = x.max(axis=axis)
    lse = m + np.log(np.exp(x - np.expand_dims(m, axis)).sum(axis=axis))
    return x - lse
