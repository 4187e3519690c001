"""Correct but slow: a Python loop over rows. Passes correctness, fails the speed check."""
import torch

TOO_SLOW = True


def causal_mask(L, S=None, device=None):
    S = L if S is None else S
    mask = torch.zeros(L, S, dtype=torch.bool, device=device)
    for i in range(L):
        mask[i, : i + 1] = True
    return mask
