"""Blocks the scores but slices each block's mask out of a full (L, S) tril."""
import math

import torch

EXPECTED_MISTAKE = "full score matrix materialised"


def flash_attention(query, key, value, is_causal=False, block_size=64):
    L, S = query.shape[-2], key.shape[-2]
    keep = torch.ones(L, S, dtype=torch.bool, device=query.device).tril()
    m = query.new_full((*query.shape[:-1], 1), float("-inf"))
    l = query.new_zeros((*query.shape[:-1], 1))
    acc = query.new_zeros((*query.shape[:-1], value.shape[-1]))
    for j0 in range(0, S, block_size):
        k, v = key[..., j0:j0 + block_size, :], value[..., j0:j0 + block_size, :]
        s = query @ k.transpose(-2, -1) / math.sqrt(query.shape[-1])
        if is_causal:
            s = s.masked_fill(~keep[:, j0:j0 + block_size], float("-inf"))
        m_new = torch.maximum(m, s.amax(-1, keepdim=True))
        c = torch.exp(m - m_new)
        p = torch.exp(s - m_new)
        l, acc, m = l * c + p.sum(-1, keepdim=True), acc * c + p @ v, m_new
    return acc / l
