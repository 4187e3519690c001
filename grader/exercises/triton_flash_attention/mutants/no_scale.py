"""Scores q·k without the 1 / sqrt(E)."""
from _base import attention_with

EXPECTED_MISTAKE = "scale forgotten"


def flash_attention(q, k, v, is_causal=False):
    return attention_with(q, k, v, is_causal, scaled=False)
