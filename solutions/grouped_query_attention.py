"""Grouped-query attention (GQA; MQA when Hkv = 1), like F.scaled_dot_product_attention(enable_gqa=True)."""
from __future__ import annotations

import math

import torch


def grouped_query_attention(query: torch.Tensor, key: torch.Tensor, value: torch.Tensor, is_causal: bool = False,
                            scale: float | None = None) -> torch.Tensor:
    """Reference solution: kv heads repeated with repeat_interleave, then plain scaled dot-product attention."""
    L, E, S = query.shape[-2], query.shape[-1], key.shape[-2]
    G = query.shape[1] // key.shape[1]
    k = key.repeat_interleave(G, dim=1)  # (B, Hq, S, E): query head h reads kv head h // G
    v = value.repeat_interleave(G, dim=1)  # (B, Hq, S, Ev)
    att = query @ k.transpose(-2, -1) * (1 / math.sqrt(E) if scale is None else scale)  # (B, Hq, L, S)
    if is_causal:
        mask = torch.ones(L, S, dtype=torch.bool, device=query.device).tril()  # top-left aligned
        att = att.masked_fill(~mask, float("-inf"))
    return att.softmax(dim=-1) @ v  # (B, Hq, L, Ev)
