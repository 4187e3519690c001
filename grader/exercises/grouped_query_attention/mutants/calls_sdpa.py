"""Calls torch's SDPA with enable_gqa."""
import torch.nn.functional as F

EXPECTED_MISTAKE = "calls the function it re-implements"


def grouped_query_attention(query, key, value, is_causal=False, scale=None):
    return F.scaled_dot_product_attention(query, key, value, is_causal=is_causal, scale=scale, enable_gqa=True)
