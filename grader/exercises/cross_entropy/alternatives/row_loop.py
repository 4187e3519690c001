"""Correct but slow: one Python iteration per sample."""
import numpy as np

TOO_SLOW = True


def cross_entropy(logits, labels):
    total = 0.0
    for row, label in zip(logits, labels):
        m = row.max()
        total += m + np.log(np.exp(row - m).sum()) - row[label]
    return np.asarray(total / len(labels), dtype=logits.dtype)
