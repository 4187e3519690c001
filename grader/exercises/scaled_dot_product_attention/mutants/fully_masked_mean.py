"""Fills hidden scores with -1e9: a fully hidden row averages the values."""
from _base import attention

EXPECTED_MISTAKE = "fully masked rows average the values"


def scaled_dot_product_attention(query, key, value, attn_mask=None, is_causal=False, scale=None):
    return attention(query, key, value, attn_mask, is_causal, scale, full_rows="mean")
