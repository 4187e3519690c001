"""Aligns the causal mask to the bottom-right corner (the KV-cache convention), not torch's top-left."""
from _base import attend

EXPECTED_MISTAKE = "causal mask aligned bottom-right"


def grouped_query_attention(query, key, value, is_causal=False, scale=None):
    G = query.shape[1] // key.shape[1]
    L, S = query.shape[-2], key.shape[-2]
    return attend(query, key.repeat_interleave(G, 1), value.repeat_interleave(G, 1), is_causal, scale, S - L)
