"""Forgets the 1/sqrt(d) scale."""
from _base import attention

EXPECTED_MISTAKE = "no 1/sqrt(d) scale"


def scaled_dot_product_attention(query, key, value, attn_mask=None, is_causal=False, scale=None):
    return attention(query, key, value, attn_mask, is_causal, scale, scale_rule="none")
