"""Handles boolean masks only: a float mask is never added to the scores."""
from _base import attention

EXPECTED_MISTAKE = "float mask not added"


def scaled_dot_product_attention(query, key, value, attn_mask=None, is_causal=False, scale=None):
    return attention(query, key, value, attn_mask, is_causal, scale, ignore_float_mask=True)
