"""Flash attention's online softmax: attention over key blocks with a running max and sum, in torch."""
from __future__ import annotations

import math

import torch


def flash_attention(query: torch.Tensor, key: torch.Tensor, value: torch.Tensor, is_causal: bool = False,
                    block_size: int = 64) -> torch.Tensor:
    """Reference solution: one pass over the key blocks, the running max, sum and output rescaled at each."""
    L, E, S = query.shape[-2], query.shape[-1], key.shape[-2]
    scale = 1 / math.sqrt(E)
    m = query.new_full((*query.shape[:-1], 1), float("-inf"))  # (B, H, L, 1) running max
    l = query.new_zeros((*query.shape[:-1], 1))  # (B, H, L, 1) running sum of exp(s - m)
    acc = query.new_zeros((*query.shape[:-1], value.shape[-1]))  # (B, H, L, Ev) running sum of exp(s - m) @ v
    i = torch.arange(L, device=query.device)[:, None]  # (L, 1) query positions
    end = min(S, L) if is_causal else S  # causal: keys j >= L are in every query's future
    for j0 in range(0, end, block_size):
        k, v = key[..., j0:j0 + block_size, :], value[..., j0:j0 + block_size, :]  # (B, H, b, E), (B, H, b, Ev)
        s = query @ k.transpose(-2, -1) * scale  # (B, H, L, b)
        if is_causal:
            j = torch.arange(j0, j0 + k.shape[-2], device=query.device)  # (b,) global key positions
            s = s.masked_fill(j > i, float("-inf"))  # (L, b) mask broadcast over (B, H)
        m_new = torch.maximum(m, s.amax(dim=-1, keepdim=True))  # (B, H, L, 1)
        p = torch.exp(s - m_new)  # (B, H, L, b)
        c = torch.exp(m - m_new)  # (B, H, L, 1) rescales what was summed against the old max
        l = l * c + p.sum(dim=-1, keepdim=True)
        acc = acc * c + p @ v
        m = m_new
    return acc / l
