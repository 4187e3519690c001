"""Always uses 1/sqrt(d), even when a scale is given."""
from _base import attention

EXPECTED_MISTAKE = "given scale ignored"


def scaled_dot_product_attention(query, key, value, attn_mask=None, is_causal=False, scale=None):
    return attention(query, key, value, attn_mask, is_causal, scale, ignore_scale=True)
