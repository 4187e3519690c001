"""Correct: the log-sum-exp as np.logaddexp.reduce, which is stable by construction."""
import numpy as np


def log_softmax(x, axis=-1):
    return x - np.logaddexp.reduce(x, axis=axis, keepdims=True)
