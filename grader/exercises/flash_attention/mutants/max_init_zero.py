"""Starts the running max at 0 instead of -inf."""
from _base import online

EXPECTED_MISTAKE = "running max initialised to 0"


def flash_attention(query, key, value, is_causal=False, block_size=64):
    return online(query, key, value, is_causal, block_size, m0=0.0)
