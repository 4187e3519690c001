"""Forgets `axis` altogether: the max and the log-sum-exp of the whole array."""
import numpy as np

EXPECTED_MISTAKE = "normalised over the whole array"


def log_softmax(x, axis=-1):
    z = x - x.max()
    return z - np.log(np.exp(z).sum())
