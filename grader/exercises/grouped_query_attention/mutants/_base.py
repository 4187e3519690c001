"""Not a mutant: the correct attention the mutants in this folder reuse (so each differs by one mistake)."""
import math

import torch


def attend(q, k, v, is_causal, scale, diagonal=0):
    L, S = q.shape[-2], k.shape[-2]
    s = q @ k.transpose(-2, -1) * (1 / math.sqrt(q.shape[-1]) if scale is None else scale)
    if is_causal:
        s = s.masked_fill(~torch.ones(L, S, dtype=torch.bool, device=q.device).tril(diagonal), float("-inf"))
    return s.softmax(-1) @ v
