"""Right answer, through `from torch.nn.functional import scaled_dot_product_attention` under another name."""
from torch.nn.functional import scaled_dot_product_attention as fused

EXPECTED_MISTAKE = "calls the function it re-implements"


def scaled_dot_product_attention(query, key, value, attn_mask=None, is_causal=False, scale=None):
    return fused(query, key, value, attn_mask=attn_mask, is_causal=is_causal, scale=scale)
