"""Sums the per-sample losses."""
import numpy as np
from _base import log_softmax

EXPECTED_MISTAKE = "sum instead of mean"


def cross_entropy(logits, labels):
    return -log_softmax(logits)[np.arange(len(labels)), labels].sum()
