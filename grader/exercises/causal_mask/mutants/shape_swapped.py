"""Keys on the rows, queries on the columns: the positions broadcast the other way round."""
import torch

EXPECTED_MISTAKE = "shape (S, L) instead of (L, S)"


def causal_mask(L, S=None, device=None):
    S = L if S is None else S
    i = torch.arange(L, device=device)[None, :]  # (1, L): query positions, as columns
    j = torch.arange(S, device=device)[:, None]  # (S, 1): key positions, as rows
    return j <= i  # (S, L)
