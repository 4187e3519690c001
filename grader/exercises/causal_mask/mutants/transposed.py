"""The upper triangle: each query sees its future."""
import torch

EXPECTED_MISTAKE = "mask transposed"


def causal_mask(L, S=None, device=None):
    S = L if S is None else S
    return torch.ones(L, S, dtype=torch.bool, device=device).triu()
