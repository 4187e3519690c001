"""Aligned bottom-right when L != S."""
import torch

EXPECTED_MISTAKE = "aligned bottom-right"


def causal_mask(L, S=None, device=None):
    S = L if S is None else S
    return torch.ones(L, S, dtype=torch.bool, device=device).tril(S - L)
