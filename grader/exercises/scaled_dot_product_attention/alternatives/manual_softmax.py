"""Softmax written out (subtract the row max, exp, divide by the sum); fully hidden rows guarded by hand."""
import math

import torch


def scaled_dot_product_attention(query, key, value, attn_mask=None, is_causal=False, scale=None):
    if scale is None:
        scale = 1.0 / math.sqrt(query.shape[-1])
    scores = torch.matmul(query, key.transpose(-1, -2)) * scale
    L, S = scores.shape[-2:]
    if is_causal:
        i = torch.arange(L, device=query.device)[:, None]
        j = torch.arange(S, device=query.device)[None, :]
        scores = scores.masked_fill(j > i, -math.inf)
    if attn_mask is not None:
        if attn_mask.dtype == torch.bool:
            scores = scores.masked_fill(~attn_mask, -math.inf)
        else:
            scores = scores + attn_mask
    row_max = scores.amax(dim=-1, keepdim=True)
    row_max = row_max.nan_to_num(0.0, neginf=0.0)  # an all-hidden row has max -inf: use 0 so exp gives 0, not NaN
    e = torch.exp(scores - row_max)  # exp(-inf) = 0 for hidden keys
    total = e.sum(dim=-1, keepdim=True)
    weights = e / total.clamp_min(torch.finfo(e.dtype).tiny)  # all-hidden rows: 0 / tiny = 0
    return weights @ value
