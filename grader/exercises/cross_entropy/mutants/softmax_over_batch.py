"""Normalises each column (axis 0) instead of each row."""
import numpy as np
from _base import log_softmax

EXPECTED_MISTAKE = "softmax over the batch axis"


def cross_entropy(logits, labels):
    return -log_softmax(logits, axis=0)[np.arange(len(labels)), labels].mean()
