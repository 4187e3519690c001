"""Correct: np.logaddexp.reduce for the log-sum-exp."""
import numpy as np


def cross_entropy(logits, labels):
    lse = np.logaddexp.reduce(logits, axis=1)
    return np.mean(lse - logits[np.arange(logits.shape[0]), labels])
