"""Mixture-of-experts routing: top-k gating (Mixtral) and the load-balancing loss (Switch Transformer)."""
from __future__ import annotations

import torch


def top_k_router(logits: torch.Tensor, k: int) -> tuple[torch.Tensor, torch.Tensor]:
    probs = logits.softmax(dim=-1)  # (T, E): over ALL experts
    top, experts = probs.sort(dim=-1, descending=True, stable=True)  # (T, E); ties: lower index first
    top, experts = top[:, :k], experts[:, :k]  # (T, k)
    return top / top.sum(dim=-1, keepdim=True), experts


def load_balancing_loss(router_probs: torch.Tensor, experts: torch.Tensor, num_experts: int) -> torch.Tensor:
    T = router_probs.shape[0]
    counts = torch.bincount(experts.reshape(-1), minlength=num_experts)  # (E,): over all k choices
    f = counts.to(router_probs.dtype) / T  # (E,): fraction of tokens routed to each expert
    P = router_probs.mean(dim=0)  # (E,): mean router probability
    return num_experts * (f * P).sum()
