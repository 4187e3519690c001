"""Scales the scores by 1/sqrt(Ev), the value dimension, instead of 1/sqrt(E)."""
from _base import attention

EXPECTED_MISTAKE = "scaled by the value dimension"


def scaled_dot_product_attention(query, key, value, attn_mask=None, is_causal=False, scale=None):
    return attention(query, key, value, attn_mask, is_causal, scale, scale_rule="value")
