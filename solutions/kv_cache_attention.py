"""Causal self-attention with a KV cache, the way an LLM generates: each call sees only the new tokens."""
from __future__ import annotations

import math

import torch
from torch import nn


class CachedCausalSelfAttention(nn.Module):
    """Reference solution: qkv of the new tokens, keys and values appended to the cache, bottom-right causal mask."""

    def __init__(self, d_model: int, n_heads: int) -> None:
        super().__init__()
        self.n_heads, self.head_dim = n_heads, d_model // n_heads
        self.qkv = nn.Linear(d_model, 3 * d_model)
        self.proj = nn.Linear(d_model, d_model)

    def forward(self, x: torch.Tensor, cache: tuple[torch.Tensor, torch.Tensor] | None = None
                ) -> tuple[torch.Tensor, tuple[torch.Tensor, torch.Tensor]]:
        B, Tn, C = x.shape
        q, k, v = self.qkv(x).split(C, dim=-1)  # 3 x (B, Tn, C)
        q, k, v = (t.view(B, Tn, self.n_heads, self.head_dim).transpose(1, 2) for t in (q, k, v))  # (B, H, Tn, hd)
        if cache is not None:
            k = torch.cat((cache[0], k), dim=2)  # (B, H, T, hd), T = T_past + Tn
            v = torch.cat((cache[1], v), dim=2)  # (B, H, T, hd)
        T = k.shape[2]
        att = q @ k.transpose(-2, -1) / math.sqrt(self.head_dim)  # (B, H, Tn, T)
        mask = torch.ones(Tn, T, dtype=torch.bool, device=x.device).tril(T - Tn)  # bottom-right aligned
        att = att.masked_fill(~mask, float("-inf")).softmax(dim=-1)
        y = (att @ v).transpose(1, 2).reshape(B, Tn, C)  # (B, H, Tn, hd) -> (B, Tn, C)
        return self.proj(y), (k, v)
