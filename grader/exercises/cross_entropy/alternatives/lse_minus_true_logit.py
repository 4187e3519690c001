"""Correct: LSE(row) - row[label], with take_along_axis, returned as a 0-d array."""
import numpy as np


def cross_entropy(logits, labels):
    m = logits.max(axis=1)
    lse = m + np.log(np.exp(logits - m[:, None]).sum(axis=1))
    true = np.take_along_axis(logits, labels[:, None].astype(np.intp), axis=1)[:, 0]
    return np.asarray((lse - true).mean())
