"""Correct: query viewed as (B, Hkv, G, L, E), keys broadcast over the group axis (no copy), einsum."""
import math

import torch


def grouped_query_attention(query, key, value, is_causal=False, scale=None):
    B, Hq, L, E = query.shape
    Hkv, S = key.shape[1], key.shape[2]
    q = query.reshape(B, Hkv, Hq // Hkv, L, E)
    s = torch.einsum("bhgle,bhse->bhgls", q, key) * (scale if scale is not None else 1 / math.sqrt(E))
    if is_causal:
        s = s.masked_fill(torch.ones(L, S, dtype=torch.bool, device=query.device).triu(1), float("-inf"))
    out = torch.einsum("bhgls,bhsv->bhglv", s.softmax(-1), value)
    return out.reshape(B, Hq, L, value.shape[-1])
