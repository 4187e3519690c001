"""argsort from its end: the right k experts, least probable first."""
from _base import load_balancing_loss  # noqa: F401

EXPECTED_MISTAKE = "experts in increasing order"


def top_k_router(logits, k):
    probs = logits.softmax(-1)
    experts = probs.argsort(dim=-1, stable=True)[:, -k:]
    top = probs.gather(1, experts)
    return top / top.sum(-1, keepdim=True), experts
