"""Scaled dot-product attention, exactly like torch.nn.functional.scaled_dot_product_attention (no dropout)."""
from __future__ import annotations

import math

import torch


def scaled_dot_product_attention(
    query: torch.Tensor,
    key: torch.Tensor,
    value: torch.Tensor,
    attn_mask: torch.Tensor | None = None,
    is_causal: bool = False,
    scale: float | None = None,
) -> torch.Tensor:
    """Reference solution: one matmul for the scores, a masked softmax over the keys, one matmul for the mix."""
    L, S = query.size(-2), key.size(-2)
    scale = 1.0 / math.sqrt(query.size(-1)) if scale is None else scale
    # Scale the queries, not the scores: L*E multiplications instead of L*S.
    scores = (query * scale) @ key.transpose(-2, -1)  # (..., L, E) @ (..., E, S) -> (..., L, S)
    if is_causal:
        allowed = torch.ones(L, S, dtype=torch.bool, device=query.device).tril()  # (L, S): key j <= query i
        scores = scores.masked_fill(~allowed, float("-inf"))
    if attn_mask is not None:
        if attn_mask.dtype == torch.bool:
            scores = scores.masked_fill(~attn_mask, float("-inf"))  # True = may attend
        else:
            scores = scores + attn_mask  # a float mask is a bias: 0 keeps, -inf hides
    attn = scores.softmax(dim=-1)  # (..., L, S): each query's weights over the keys sum to 1
    if attn_mask is not None:
        # A row whose keys are all masked is 0/0 = NaN after softmax; torch returns zeros there.
        attn = attn.masked_fill(scores.isneginf().all(dim=-1, keepdim=True), 0.0)
    return attn @ value  # (..., L, S) @ (..., S, Ev) -> (..., L, Ev)
