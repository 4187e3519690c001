"""Tiles the key/value heads with repeat: query head h reads head h % Hkv."""
from _base import attend

EXPECTED_MISTAKE = "heads grouped with repeat instead of repeat_interleave"


def grouped_query_attention(query, key, value, is_causal=False, scale=None):
    G = query.shape[1] // key.shape[1]
    return attend(query, key.repeat(1, G, 1, 1), value.repeat(1, G, 1, 1), is_causal, scale)
