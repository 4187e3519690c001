"""Leaves out the num_experts factor."""
from _base import balance, top_k_router  # noqa: F401

EXPECTED_MISTAKE = "num_experts factor missing"


def load_balancing_loss(router_probs, experts, num_experts):
    return balance(router_probs, experts, num_experts) / num_experts
