"""Aligns the causal mask bottom-right (as flash-attention does) when L != S."""
from _base import attention

EXPECTED_MISTAKE = "causal mask aligned bottom-right"


def scaled_dot_product_attention(query, key, value, attn_mask=None, is_causal=False, scale=None):
    return attention(query, key, value, attn_mask, is_causal, scale, causal_align="bottom-right")
