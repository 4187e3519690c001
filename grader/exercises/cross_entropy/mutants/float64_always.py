"""Right value, but always a float64 (a Python float) whatever the logits' dtype."""
import numpy as np
from _base import log_softmax

EXPECTED_MISTAKE = None  # reported as a wrong dtype


def cross_entropy(logits, labels):
    return float(-log_softmax(logits)[np.arange(len(labels)), labels].mean())
