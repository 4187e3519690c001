"""Scales the scores by 1/E."""
from _base import attend

EXPECTED_MISTAKE = "scores scaled wrongly"


def grouped_query_attention(query, key, value, is_causal=False, scale=None):
    G = query.shape[1] // key.shape[1]
    s = 1 / query.shape[-1] if scale is None else scale
    return attend(query, key.repeat_interleave(G, 1), value.repeat_interleave(G, 1), is_causal, s)
