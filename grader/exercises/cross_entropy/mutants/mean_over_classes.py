"""Averages -one_hot * log_probs over all N*C entries."""
import numpy as np
from _base import log_softmax

EXPECTED_MISTAKE = "averaged over classes too"


def cross_entropy(logits, labels):
    one_hot = np.eye(logits.shape[1], dtype=logits.dtype)[labels]
    return -(one_hot * log_softmax(logits)).mean()
