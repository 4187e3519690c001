"""Builds the is_causal mask with torch.ones(L, S).tril(), without device=: right on a CPU-only machine,
a crash with the inputs on a GPU."""
import math

import torch

EXPECTED_MISTAKE = None


def scaled_dot_product_attention(query, key, value, attn_mask=None, is_causal=False, scale=None):
    L, S = query.size(-2), key.size(-2)
    scale = 1 / math.sqrt(query.size(-1)) if scale is None else scale
    scores = query @ key.transpose(-2, -1) * scale
    if is_causal:
        allowed = torch.ones(L, S, dtype=torch.bool).tril()  # on the CPU whatever the inputs' device
        scores = scores.masked_fill(~allowed, float("-inf"))
    if attn_mask is not None:
        scores = scores.masked_fill(~attn_mask, float("-inf")) if attn_mask.dtype == torch.bool else scores + attn_mask
    attn = scores.softmax(dim=-1)
    if attn_mask is not None:
        attn = attn.masked_fill(scores.isneginf().all(dim=-1, keepdim=True), 0.0)
    return attn @ value
