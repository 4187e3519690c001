"""Correct but slow: one Python iteration per (batch, query head, query)."""
import math

import torch

TOO_SLOW = True


def grouped_query_attention(query, key, value, is_causal=False, scale=None):
    B, Hq, L, E = query.shape
    G = Hq // key.shape[1]
    sc = 1 / math.sqrt(E) if scale is None else scale
    rows = []
    for b in range(B):
        for h in range(Hq):
            k, v = key[b, h // G], value[b, h // G]
            for i in range(L):
                n = min(i + 1, k.shape[0]) if is_causal else k.shape[0]
                w = torch.softmax(k[:n] @ query[b, h, i] * sc, 0)
                rows.append(w @ v[:n])
    return torch.stack(rows).reshape(B, Hq, L, value.shape[-1])
