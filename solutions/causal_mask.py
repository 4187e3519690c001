"""The causal (look-ahead) mask of decoder self-attention, in F.scaled_dot_product_attention's convention."""
from __future__ import annotations

import torch


def causal_mask(L: int, S: int | None = None, device: torch.device | str | None = None) -> torch.Tensor:
    """Reference solution: compare query and key positions with broadcasting."""
    S = L if S is None else S
    i = torch.arange(L, device=device)[:, None]  # (L, 1): query positions
    j = torch.arange(S, device=device)[None, :]  # (1, S): key positions
    return j <= i  # (L, S) bool: key j is not in query i's future; top-left aligned like is_causal=True
