"""Hides the diagonal of the causal mask and does nothing about the fully masked first row (NaN)."""
from _base import attention

EXPECTED_MISTAKE = "causal mask hides the diagonal"


def scaled_dot_product_attention(query, key, value, attn_mask=None, is_causal=False, scale=None):
    return attention(query, key, value, attn_mask, is_causal, scale, causal_diagonal=-1, full_rows="nan")
