"""Calls torch's SDPA."""
import torch.nn.functional as F

EXPECTED_MISTAKE = "calls the function it re-implements"


def flash_attention(query, key, value, is_causal=False, block_size=64):
    return F.scaled_dot_product_attention(query, key, value, is_causal=is_causal)
