"""Softmax along dim=0: each expert normalised over the tokens."""
from _base import load_balancing_loss, route  # noqa: F401

EXPECTED_MISTAKE = "softmax over the tokens"


def top_k_router(logits, k):
    return route(logits.softmax(0), k)
