"""Softmax over the query axis."""
import math

import torch

EXPECTED_MISTAKE = "softmax over the wrong axis"


def grouped_query_attention(query, key, value, is_causal=False, scale=None):
    G = query.shape[1] // key.shape[1]
    k, v = key.repeat_interleave(G, 1), value.repeat_interleave(G, 1)
    L, S = query.shape[-2], k.shape[-2]
    s = query @ k.transpose(-2, -1) * (1 / math.sqrt(query.shape[-1]) if scale is None else scale)
    if is_causal:
        s = s.masked_fill(~torch.ones(L, S, dtype=torch.bool, device=query.device).tril(), float("-inf"))
    return torch.nan_to_num(s.softmax(-2)) @ v
