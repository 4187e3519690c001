"""Returns +mean(log p): the sign is wrong."""
import numpy as np
from _base import log_softmax

EXPECTED_MISTAKE = "sign flipped"


def cross_entropy(logits, labels):
    return log_softmax(logits)[np.arange(len(labels)), labels].mean()
