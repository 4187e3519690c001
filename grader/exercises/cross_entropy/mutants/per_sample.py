"""Returns the (N,) losses, not their mean."""
import numpy as np
from _base import log_softmax

EXPECTED_MISTAKE = "one loss per sample"


def cross_entropy(logits, labels):
    return -log_softmax(logits)[np.arange(len(labels)), labels]
