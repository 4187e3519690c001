"""Averages -logits of the true classes: the log-sum-exp is missing."""
import numpy as np

EXPECTED_MISTAKE = "log-softmax missing"


def cross_entropy(logits, labels):
    return -logits[np.arange(len(labels)), labels].mean()
