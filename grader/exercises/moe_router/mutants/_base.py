"""Not a mutant: the correct router and loss the mutants in this folder reuse (each changes one thing)."""
import torch


def route(probs, k, renormalise=True):
    top, experts = probs.sort(dim=-1, descending=True, stable=True)
    top, experts = top[:, :k], experts[:, :k]
    return (top / top.sum(-1, keepdim=True) if renormalise else top), experts


def top_k_router(logits, k):
    return route(logits.softmax(-1), k)


def balance(router_probs, experts, num_experts, divide_by=None, P=None):
    counts = torch.bincount(experts.reshape(-1), minlength=num_experts).to(router_probs.dtype)
    f = counts / (router_probs.shape[0] if divide_by is None else divide_by)
    P = router_probs.mean(0) if P is None else P
    return num_experts * (f * P).sum()


def load_balancing_loss(router_probs, experts, num_experts):
    return balance(router_probs, experts, num_experts)
