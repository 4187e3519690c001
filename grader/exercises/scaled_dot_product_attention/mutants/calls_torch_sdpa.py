"""Right answer, but by calling torch's own function."""
import torch.nn.functional as F

EXPECTED_MISTAKE = "calls the function it re-implements"


def scaled_dot_product_attention(query, key, value, attn_mask=None, is_causal=False, scale=None):
    return F.scaled_dot_product_attention(query, key, value, attn_mask=attn_mask, is_causal=is_causal, scale=scale)
