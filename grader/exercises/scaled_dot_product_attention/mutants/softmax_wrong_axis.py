"""Softmax over the queries (dim=-2) instead of the keys."""
from _base import attention

EXPECTED_MISTAKE = "softmax over the wrong axis"


def scaled_dot_product_attention(query, key, value, attn_mask=None, is_causal=False, scale=None):
    return attention(query, key, value, attn_mask, is_causal, scale, softmax_dim=-2)
