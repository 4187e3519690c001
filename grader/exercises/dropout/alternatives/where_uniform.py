"""Correct: torch.where on uniform draws below 1 - p."""
import torch


def dropout(x, p=0.5, training=True):
    if not training or p == 0:
        return x
    if p >= 1:
        return torch.zeros_like(x)
    u = torch.rand(x.shape, device=x.device)
    return torch.where(u < 1 - p, x / (1 - p), torch.zeros((), dtype=x.dtype, device=x.device))
