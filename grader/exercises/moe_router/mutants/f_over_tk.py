"""Divides the counts by T * k, making f a distribution."""
from _base import balance, top_k_router  # noqa: F401

EXPECTED_MISTAKE = "fraction of tokens divided by T * k"


def load_balancing_loss(router_probs, experts, num_experts):
    return balance(router_probs, experts, num_experts, divide_by=experts.numel())
