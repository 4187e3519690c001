"""einsum for both products; NaN rows of the softmax zeroed with nan_to_num."""
import math

import torch


def scaled_dot_product_attention(query, key, value, attn_mask=None, is_causal=False, scale=None):
    L, S = query.shape[-2], key.shape[-2]
    scale = scale if scale is not None else query.shape[-1] ** -0.5
    scores = torch.einsum("...le,...se->...ls", query, key) * scale
    if is_causal:
        future = torch.ones(L, S, dtype=torch.bool, device=query.device).triu(1)
        scores = scores.masked_fill(future, -math.inf)
    if attn_mask is not None:
        scores = scores.masked_fill(attn_mask.logical_not(), -math.inf) if attn_mask.dtype == torch.bool \
            else scores + attn_mask
    weights = torch.softmax(scores, dim=-1).nan_to_num(0.0)
    return torch.einsum("...ls,...sd->...ld", weights, value)
