"""Loops over the flattened batch dimensions, one 2-D attention each: slower, still well within the limit."""
import math

import torch


def scaled_dot_product_attention(query, key, value, attn_mask=None, is_causal=False, scale=None):
    L, E = query.shape[-2:]
    S, Ev = value.shape[-2:]
    batch = query.shape[:-2]
    q = query.reshape(-1, L, E)
    k = key.reshape(-1, S, E)
    v = value.reshape(-1, S, Ev)
    if attn_mask is not None:
        attn_mask = attn_mask.expand(*batch, L, S).reshape(-1, L, S)
    scale = 1 / math.sqrt(E) if scale is None else scale
    out = torch.empty(q.shape[0], L, Ev, dtype=query.dtype, device=query.device)
    for b in range(q.shape[0]):
        s = q[b] @ k[b].T * scale
        if is_causal:
            s = s.masked_fill(torch.ones(L, S, dtype=torch.bool, device=s.device).tril().logical_not(), -math.inf)
        if attn_mask is not None:
            m = attn_mask[b]
            s = s.masked_fill(~m, -math.inf) if m.dtype == torch.bool else s + m
        w = s.softmax(-1)
        w = torch.where(torch.isnan(w), torch.zeros_like(w), w)
        out[b] = w @ v[b]
    return out.reshape(*batch, L, Ev)
