"""Correct: exp(x - logsumexp(x)), with the log-sum-exp computed stably."""
import numpy as np


def softmax(x, axis=-1):
    m = x.max(axis=axis, keepdims=True)
    lse = m + np.log(np.exp(x - m).sum(axis=axis, keepdims=True))
    return np.exp(x - lse)
