"""Right answer, wrong algorithm: builds the whole (L, S) score matrix, then one softmax."""
import math

import torch

EXPECTED_MISTAKE = "full score matrix materialised"


def flash_attention(query, key, value, is_causal=False, block_size=64):
    L, S = query.shape[-2], key.shape[-2]
    s = query @ key.transpose(-2, -1) / math.sqrt(query.shape[-1])
    if is_causal:
        s = s.masked_fill(~torch.ones(L, S, dtype=torch.bool, device=query.device).tril(), float("-inf"))
    return s.softmax(-1) @ value
