"""Sums each row, averages over the batch: N-averaged, not element-averaged."""
import numpy as np
from _base import per_element

EXPECTED_MISTAKE = "averaged over the first axis only"


def binary_cross_entropy_with_logits(logits, targets):
    loss = per_element(logits, targets)
    return loss.sum(axis=-1).mean() if loss.ndim > 1 else loss.mean()
