"""True where the key is hidden (nn.MultiheadAttention's convention)."""
import torch

EXPECTED_MISTAKE = "mask inverted"


def causal_mask(L, S=None, device=None):
    S = L if S is None else S
    return torch.ones(L, S, dtype=torch.bool, device=device).triu(1)
