"""Correct but slow: one Python iteration per (query row, key block), vectorised over batch and heads."""
import math

import torch

TOO_SLOW = True


def flash_attention(query, key, value, is_causal=False, block_size=64):
    L, E, S = query.shape[-2], query.shape[-1], key.shape[-2]
    rows = []
    for i in range(L):
        q = query[..., i:i + 1, :] / math.sqrt(E)  # (B, H, 1, E)
        m = torch.full_like(q[..., :1], -math.inf)
        l = torch.zeros_like(m)
        acc = torch.zeros_like(value[..., :1, :])
        end = min(S, i + 1) if is_causal else S
        for j0 in range(0, end, block_size):
            j1 = min(j0 + block_size, end)
            s = q @ key[..., j0:j1, :].transpose(-2, -1)  # (B, H, 1, b)
            m_new = torch.maximum(m, s.amax(-1, keepdim=True))
            p, c = torch.exp(s - m_new), torch.exp(m - m_new)
            l = l * c + p.sum(-1, keepdim=True)
            acc = acc * c + p @ value[..., j0:j1, :]
            m = m_new
        rows.append(acc / l)
    return torch.cat(rows, dim=-2)
