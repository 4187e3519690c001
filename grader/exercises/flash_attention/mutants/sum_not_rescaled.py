"""Adds each block's sum to l without rescaling l to the new max."""
from _base import online

EXPECTED_MISTAKE = "running sum not rescaled when the max changes"


def flash_attention(query, key, value, is_causal=False, block_size=64):
    return online(query, key, value, is_causal, block_size, rescale_sum=False)
