"""Correct but slow: one token at a time."""
import torch

TOO_SLOW = True


def top_k_router(logits, k):
    weights, experts = [], []
    for row in logits:
        p = row.softmax(0)
        idx = p.sort(descending=True, stable=True).indices[:k]
        w = p[idx]
        weights.append(w / w.sum())
        experts.append(idx)
    T = logits.shape[0]
    return (torch.stack(weights) if T else logits.new_zeros(0, k),
            torch.stack(experts) if T else torch.zeros(0, k, dtype=torch.long, device=logits.device))


def load_balancing_loss(router_probs, experts, num_experts):
    T = router_probs.shape[0]
    f = torch.zeros(num_experts, dtype=router_probs.dtype, device=router_probs.device)
    for row in experts:
        f = f + torch.bincount(row, minlength=num_experts).to(f.dtype)
    return num_experts * (f / T * router_probs.mean(0)).sum()
