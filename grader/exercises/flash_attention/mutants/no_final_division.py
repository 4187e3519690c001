"""Returns acc without dividing by the running sum."""
from _base import online

EXPECTED_MISTAKE = "output not divided by the running sum"


def flash_attention(query, key, value, is_causal=False, block_size=64):
    return online(query, key, value, is_causal, block_size, divide=False)
