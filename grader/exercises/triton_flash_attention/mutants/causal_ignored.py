"""Never applies the causal mask."""
from _base import attention_with

EXPECTED_MISTAKE = "is_causal ignored"


def flash_attention(q, k, v, is_causal=False):
    return attention_with(q, k, v, is_causal, causal=False)
