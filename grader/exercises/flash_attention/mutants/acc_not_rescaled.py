"""Rescales l but adds each block to acc without rescaling acc."""
from _base import online

EXPECTED_MISTAKE = "output accumulator not rescaled"


def flash_attention(query, key, value, is_causal=False, block_size=64):
    return online(query, key, value, is_causal, block_size, rescale_acc=False)
