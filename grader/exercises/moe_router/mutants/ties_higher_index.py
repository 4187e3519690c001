"""Sorts ascending (stable) and reverses: among equal probabilities the higher index comes first."""
from _base import load_balancing_loss  # noqa: F401

EXPECTED_MISTAKE = "ties not broken by the lower expert index"


def top_k_router(logits, k):
    probs = logits.softmax(-1)
    top, experts = probs.sort(dim=-1, stable=True)
    top, experts = top.flip(-1)[:, :k], experts.flip(-1)[:, :k]
    return top / top.sum(-1, keepdim=True), experts
