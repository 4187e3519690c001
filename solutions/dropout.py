"""Inverted dropout in PyTorch, like torch.nn.functional.dropout."""
from __future__ import annotations

import torch


def dropout(x: torch.Tensor, p: float = 0.5, training: bool = True) -> torch.Tensor:
    """Reference solution: one Bernoulli draw per element, survivors scaled by 1/(1-p)."""
    if not training or p == 0:
        return x
    if p == 1:
        return x * 0.0  # zeros (still in the graph); x / (1 - p) would be x / 0
    keep = torch.rand_like(x) >= p  # each element survives with probability 1 - p
    return x * keep / (1 - p)  # a new tensor; the expected value of each element is unchanged
