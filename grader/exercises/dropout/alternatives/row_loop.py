"""Correct but slow: one mask per row in a Python loop. Passes correctness, fails the speed check."""
import torch

TOO_SLOW = True


def dropout(x, p=0.5, training=True):
    if not training or p == 0:
        return x
    if p == 1:
        return x * 0.0
    if x.dim() < 2:
        return x * (torch.rand_like(x) >= p) / (1 - p)
    rows = [r * (torch.rand_like(r) >= p) / (1 - p) for r in x]
    return torch.stack(rows) if rows else x * 0.0
