"""Builds the causal mask with triu: query i sees the keys j >= i, the future."""
from _base import attention

EXPECTED_MISTAKE = "causal mask transposed"


def scaled_dot_product_attention(query, key, value, attn_mask=None, is_causal=False, scale=None):
    return attention(query, key, value, attn_mask, is_causal, scale, causal_triangle="triu")
