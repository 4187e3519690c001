"""Computes in float64 and returns float64 whatever the input dtype."""
import torch
from _base import attention

EXPECTED_MISTAKE = None


def scaled_dot_product_attention(query, key, value, attn_mask=None, is_causal=False, scale=None):
    if attn_mask is not None and attn_mask.dtype != torch.bool:
        attn_mask = attn_mask.double()
    return attention(query.double(), key.double(), value.double(), attn_mask, is_causal, scale)
