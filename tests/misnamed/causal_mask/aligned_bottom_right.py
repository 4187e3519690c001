"""A causal mask aligned bottom-right (the KV-cache convention, key j visible to query i when
j <= i + S - L): right when L == S. Once told "mask transposed" on the one-query case."""
import torch

EXPECTED_MISTAKE = "aligned bottom-right"


def causal_mask(L, S=None, device=None):
    S = L if S is None else S
    return torch.ones(L, S, dtype=torch.bool, device=device).tril(diagonal=S - L)
