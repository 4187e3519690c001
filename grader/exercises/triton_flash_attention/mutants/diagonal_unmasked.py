"""Skips the key blocks past the diagonal but does not mask inside the diagonal block."""
from _base import attention_with

EXPECTED_MISTAKE = "causal mask missing on the diagonal block"


def flash_attention(q, k, v, is_causal=False):
    return attention_with(q, k, v, is_causal, diagonal=False)
