"""Correct: the order from the logits (softmax is increasing), f from a one-hot mask as HF computes it."""
import torch
from torch.nn import functional as F


def top_k_router(logits, k):
    experts = torch.argsort(logits, dim=-1, descending=True, stable=True)[:, :k]
    w = logits.softmax(-1).gather(1, experts)
    return w / w.sum(-1, keepdim=True), experts


def load_balancing_loss(router_probs, experts, num_experts):
    mask = F.one_hot(experts, num_experts).to(router_probs.dtype)  # (T, k, E)
    tokens_per_expert = mask.mean(0)  # (k, E): per choice
    return num_experts * (tokens_per_expert * router_probs.mean(0)).sum()
