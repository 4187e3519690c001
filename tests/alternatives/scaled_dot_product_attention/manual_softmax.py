"""Softmax written out (subtract the row max, exp, divide by the sum); fully hidden rows guarded by hand."""
import math

import torch


def scaled_dot_product_attention(query, key, value, attn_mask=None, is_causal=False, scale=None):
    if scale is None:
        scale = 1.0 / math.sqrt(query.shape[-1])
    scores = torch.matmul(query, key.transpose(-1, -2)) * scale
    L, S = scores.shape[-2:]
    keep = torch.ones_like(scores, dtype=torch.bool)
    if is_causal:
        i = torch.arange(L, device=query.device)[:, None]
        j = torch.arange(S, device=query.device)[None, :]
        keep = keep & (j <= i)
    if attn_mask is not None:
        if attn_mask.dtype == torch.bool:
            keep = keep & attn_mask
        else:
            scores = scores + attn_mask
            keep = keep & ~torch.isneginf(scores)
    scores = scores.masked_fill(~keep, -math.inf)
    row_max = scores.amax(dim=-1, keepdim=True)
    row_max = torch.where(torch.isneginf(row_max), torch.zeros_like(row_max), row_max)
    e = torch.exp(scores - row_max)  # exp(-inf) = 0 for hidden keys
    total = e.sum(dim=-1, keepdim=True)
    weights = e / torch.where(total == 0, torch.ones_like(total), total)  # all-hidden rows: 0 / 1 = 0
    return weights @ value
