"""Correct: renormalisation as a softmax over the kept logits, f with index_add_."""
import torch


def top_k_router(logits, k):
    order = (-logits.softmax(-1)).sort(dim=-1, stable=True).indices[:, :k]
    return logits.gather(1, order).softmax(-1), order


def load_balancing_loss(router_probs, experts, num_experts):
    T = router_probs.shape[0]
    ones = torch.ones(experts.numel(), dtype=router_probs.dtype, device=router_probs.device)
    f = torch.zeros(num_experts, dtype=router_probs.dtype, device=router_probs.device).index_add_(
        0, experts.reshape(-1), ones) / T
    return num_experts * torch.dot(f, router_probs.sum(0) / T)
