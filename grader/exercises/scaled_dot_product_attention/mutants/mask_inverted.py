"""Reads the boolean mask as nn.MultiheadAttention does: True = hidden."""
from _base import attention

EXPECTED_MISTAKE = "boolean mask read the wrong way round"


def scaled_dot_product_attention(query, key, value, attn_mask=None, is_causal=False, scale=None):
    return attention(query, key, value, attn_mask, is_causal, scale, invert_bool=True)
