"""torch.tril of a matrix of ones."""
import torch


def causal_mask(L, S=None, device=None):
    return torch.tril(torch.ones(L, L if S is None else S, dtype=torch.bool, device=device))
