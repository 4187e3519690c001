"""Not a mutant: correct attention with one switch per classic mistake, so each mutant differs by one."""
import math

import torch


def attention(query, key, value, attn_mask=None, is_causal=False, scale=None, *, scale_rule="sqrt",
              softmax_dim=-1, invert_bool=False, causal_diagonal=0, causal_align="top-left",
              full_rows="zero", ignore_scale=False, causal_triangle="tril", ignore_float_mask=False):
    L, S, E = query.size(-2), key.size(-2), query.size(-1)
    default = {"sqrt": 1 / math.sqrt(E), "none": 1.0, "d": 1 / E, "value": 1 / math.sqrt(value.size(-1))}[scale_rule]
    scale = default if scale is None or ignore_scale else scale
    scores = query @ key.transpose(-2, -1) * scale
    fill = -1e9 if full_rows == "mean" else float("-inf")
    if is_causal:
        offset = causal_diagonal + (S - L if causal_align == "bottom-right" else 0)
        ones = torch.ones(L, S, dtype=torch.bool, device=query.device)
        allowed = ones.tril(diagonal=offset) if causal_triangle == "tril" else ones.triu(diagonal=-offset)
        scores = scores.masked_fill(~allowed, fill)
    if attn_mask is not None:
        if attn_mask.dtype == torch.bool:
            scores = scores.masked_fill(attn_mask if invert_bool else ~attn_mask, fill)
        elif not ignore_float_mask:
            scores = scores + attn_mask
    attn = scores.softmax(dim=softmax_dim)
    if full_rows == "zero":
        attn = attn.masked_fill(scores.isneginf().all(dim=-1, keepdim=True), 0.0)
    return attn @ value
