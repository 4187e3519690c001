"""Correct: a one-hot matrix picks the true classes."""
import numpy as np


def cross_entropy(logits, labels):
    N, C = logits.shape
    z = logits - logits.max(axis=1, keepdims=True)
    log_probs = z - np.log(np.exp(z).sum(axis=1, keepdims=True))
    one_hot = np.eye(C, dtype=logits.dtype)[labels]  # (N, C)
    return -(one_hot * log_probs).sum(axis=1).mean()
