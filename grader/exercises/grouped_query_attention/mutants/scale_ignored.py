"""Always 1/sqrt(E)."""
from _base import attend

EXPECTED_MISTAKE = "scale argument ignored"


def grouped_query_attention(query, key, value, is_causal=False, scale=None):
    G = query.shape[1] // key.shape[1]
    return attend(query, key.repeat_interleave(G, 1), value.repeat_interleave(G, 1), is_causal, None)
