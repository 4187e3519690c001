"""Sums the per-element losses."""
from _base import per_element

EXPECTED_MISTAKE = "sum instead of mean"


def binary_cross_entropy_with_logits(logits, targets):
    return per_element(logits, targets).sum()
