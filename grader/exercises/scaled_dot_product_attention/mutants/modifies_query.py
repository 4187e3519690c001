"""Scales the query in place: the caller's tensor changes."""
import math

from _base import attention

EXPECTED_MISTAKE = "input modified in place"


def scaled_dot_product_attention(query, key, value, attn_mask=None, is_causal=False, scale=None):
    s = 1 / math.sqrt(query.size(-1)) if scale is None else scale
    query.mul_(s)
    return attention(query, key, value, attn_mask, is_causal, scale=1.0)
