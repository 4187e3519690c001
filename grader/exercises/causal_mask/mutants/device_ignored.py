"""Builds the mask without device=: always on the CPU, whatever device was asked for."""
import torch

EXPECTED_MISTAKE = None


def causal_mask(L, S=None, device=None):
    S = L if S is None else S
    return torch.ones(L, S, dtype=torch.bool).tril()
