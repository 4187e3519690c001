"""The complement of the strict upper triangle."""
import torch


def causal_mask(L, S=None, device=None):
    if S is None:
        S = L
    return ~torch.ones((L, S), dtype=torch.bool, device=device).triu(diagonal=1)
