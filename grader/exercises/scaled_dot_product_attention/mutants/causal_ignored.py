"""Never reads is_causal: every query sees every key."""
from _base import attention

EXPECTED_MISTAKE = "is_causal ignored"


def scaled_dot_product_attention(query, key, value, attn_mask=None, is_causal=False, scale=None):
    return attention(query, key, value, attn_mask, False, scale)
