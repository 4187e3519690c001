"""Correct: the log-sum-exp written out as m + log(sum(exp(x - m)))."""
import numpy as np


def log_softmax(x, axis=-1):
    m = x.max(axis=axis, keepdims=True)
    lse = m + np.log(np.sum(np.exp(x - m), axis=axis, keepdims=True))
    return x - lse
