"""Sums the router probabilities over the tokens instead of averaging them."""
from _base import balance, top_k_router  # noqa: F401

EXPECTED_MISTAKE = "P_i not averaged over tokens"


def load_balancing_loss(router_probs, experts, num_experts):
    return balance(router_probs, experts, num_experts, P=router_probs.sum(0))
