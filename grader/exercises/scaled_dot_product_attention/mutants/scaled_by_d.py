"""Divides the scores by d instead of sqrt(d)."""
from _base import attention

EXPECTED_MISTAKE = "scaled by 1/d instead of 1/sqrt(d)"


def scaled_dot_product_attention(query, key, value, attn_mask=None, is_causal=False, scale=None):
    return attention(query, key, value, attn_mask, is_causal, scale, scale_rule="d")
