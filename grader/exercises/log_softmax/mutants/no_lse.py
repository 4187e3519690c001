"""Returns x - max(x): the log-sum-exp term is missing."""
import numpy as np

EXPECTED_MISTAKE = "log-sum-exp missing"


def log_softmax(x, axis=-1):
    return x - x.max(axis=axis, keepdims=True)
