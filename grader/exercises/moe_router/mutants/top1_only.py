"""Counts only each token's first expert in f."""
from _base import balance, top_k_router  # noqa: F401

EXPECTED_MISTAKE = "fraction of tokens computed over top-1 only"


def load_balancing_loss(router_probs, experts, num_experts):
    return balance(router_probs, experts[:, :1], num_experts)
