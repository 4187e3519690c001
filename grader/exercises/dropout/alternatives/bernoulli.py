"""Correct: torch.bernoulli on a tensor of keep probabilities."""
import torch


def dropout(x, p=0.5, training=True):
    if not training:
        return x
    if p == 1:
        return torch.zeros_like(x)
    keep = torch.bernoulli(torch.full_like(x, 1 - p))
    return x * keep * (1.0 / (1 - p))
