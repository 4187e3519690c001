"""Always (L, L)."""
import torch

EXPECTED_MISTAKE = "S ignored"


def causal_mask(L, S=None, device=None):
    S = L if S is None else S
    return torch.ones(L, L, dtype=torch.bool, device=device).tril()
