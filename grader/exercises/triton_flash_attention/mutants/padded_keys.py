"""Loads k with other=0.0 but never sets the padded keys' scores to -inf."""
from _base import attention_with

EXPECTED_MISTAKE = "padded keys not masked"


def flash_attention(q, k, v, is_causal=False):
    return attention_with(q, k, v, is_causal, key_scores=False)
