"""log_probs[:, labels]: an (N, N) block instead of one entry per row."""
from _base import log_softmax

EXPECTED_MISTAKE = "labels indexed as columns"


def cross_entropy(logits, labels):
    return -log_softmax(logits)[:, labels].mean()
