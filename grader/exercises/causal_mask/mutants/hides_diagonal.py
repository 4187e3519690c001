"""tril(diagonal=-1): a token cannot see itself."""
import torch

EXPECTED_MISTAKE = "causal mask hides the diagonal"


def causal_mask(L, S=None, device=None):
    S = L if S is None else S
    return torch.ones(L, S, dtype=torch.bool, device=device).tril(-1)
