"""Normalises the probabilities before the top-k (a no-op after the softmax) and never after."""
from _base import load_balancing_loss, route  # noqa: F401

EXPECTED_MISTAKE = "weights not renormalised after top-k"


def top_k_router(logits, k):
    probs = logits.softmax(-1)
    probs = probs / probs.sum(-1, keepdim=True)
    return route(probs, k, renormalise=False)
