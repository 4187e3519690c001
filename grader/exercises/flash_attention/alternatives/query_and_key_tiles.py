"""Tiles the queries too (FlashAttention-2's outer loop over query blocks), einsum for the matmuls, and
the causal blocks wholly in the future skipped per query tile."""
import math

import torch


def flash_attention(query, key, value, is_causal=False, block_size=64):
    L, S, E = query.shape[-2], key.shape[-2], query.shape[-1]
    outs = []
    for i0 in range(0, L, block_size):
        q = query[..., i0:i0 + block_size, :] / math.sqrt(E)
        rows = torch.arange(i0, i0 + q.shape[-2], device=query.device)
        m = torch.full(q.shape[:-1], -math.inf, dtype=q.dtype, device=q.device)
        l = torch.zeros_like(m)
        o = torch.zeros(*q.shape[:-1], value.shape[-1], dtype=q.dtype, device=q.device)
        last = min(S, i0 + q.shape[-2]) if is_causal else S
        for j0 in range(0, last, block_size):
            s = torch.einsum("bhie,bhje->bhij", q, key[..., j0:j0 + block_size, :])
            if is_causal:
                cols = torch.arange(j0, j0 + s.shape[-1], device=query.device)
                s = torch.where(cols[None, :] <= rows[:, None], s, -math.inf)
            new = torch.maximum(m, s.max(-1).values)
            alpha = (m - new).exp()
            p = (s - new[..., None]).exp()
            l = l * alpha + p.sum(-1)
            o = o * alpha[..., None] + torch.einsum("bhij,bhjd->bhid", p, value[..., j0:j0 + block_size, :])
            m = new
        outs.append(o / l[..., None])
    return torch.cat(outs, dim=-2)
