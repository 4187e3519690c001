"""Correct but slow: one query row at a time. Passes correctness, fails the speed check."""
import math

import torch

TOO_SLOW = True


def scaled_dot_product_attention(query, key, value, attn_mask=None, is_causal=False, scale=None):
    L, S = query.shape[-2], key.shape[-2]
    scale = 1 / math.sqrt(query.shape[-1]) if scale is None else scale
    if attn_mask is not None:
        attn_mask = attn_mask.expand(*query.shape[:-2], L, S)
    rows = []
    for i in range(L):
        s = (query[..., i, :].unsqueeze(-2) @ key.transpose(-2, -1)).squeeze(-2) * scale  # (..., S)
        if is_causal:
            s = s.masked_fill(torch.arange(S, device=s.device) > i, -math.inf)
        if attn_mask is not None:
            m = attn_mask[..., i, :]
            s = s.masked_fill(~m, -math.inf) if m.dtype == torch.bool else s + m
        w = s.softmax(-1).nan_to_num(0.0)
        rows.append((w.unsqueeze(-2) @ value).squeeze(-2))
    return torch.stack(rows, dim=-2)
