"""Returns the additive float mask (0 where allowed, -inf where hidden)."""
import torch

EXPECTED_MISTAKE = None


def causal_mask(L, S=None, device=None):
    S = L if S is None else S
    return torch.zeros(L, S, device=device).masked_fill(torch.ones(L, S, dtype=torch.bool, device=device).triu(1), float("-inf"))
