"""Multi-head self-attention as one module, the layout of ViT/timm's Attention (qkv in one Linear)."""
from __future__ import annotations

import torch
from torch import nn


class MultiHeadSelfAttention(nn.Module):
    """Reference solution: one Linear for q, k, v; heads are a reshape and a transpose."""

    def __init__(self, dim: int, num_heads: int, qkv_bias: bool = False) -> None:
        super().__init__()
        if dim % num_heads != 0:
            raise ValueError(f"dim ({dim}) must be divisible by num_heads ({num_heads})")
        self.num_heads = num_heads
        self.head_dim = dim // num_heads
        self.qkv = nn.Linear(dim, 3 * dim, bias=qkv_bias)
        self.proj = nn.Linear(dim, dim)

    def forward(self, x: torch.Tensor, attn_mask: torch.Tensor | None = None) -> torch.Tensor:
        B, N, C = x.shape
        H, D = self.num_heads, self.head_dim
        # Features of qkv(x) are [q | k | v], each split head-major: q[h*D + d].
        qkv = self.qkv(x).view(B, N, 3, H, D).permute(2, 0, 3, 1, 4)  # (3, B, H, N, D)
        q, k, v = qkv.unbind(0)  # each (B, H, N, D)
        att = (q * D ** -0.5) @ k.transpose(-2, -1)  # (B, H, N, N): scale by the HEAD dimension
        if attn_mask is not None:
            if attn_mask.dtype == torch.bool:
                att = att.masked_fill(~attn_mask, float("-inf"))  # True = may attend, as in SDPA
            else:
                att = att + attn_mask
        att = att.softmax(dim=-1)
        if attn_mask is not None:
            att = att.masked_fill(att.isnan(), 0.0)  # a query with no visible key gets 0, as SDPA
        y = att @ v  # (B, H, N, D)
        y = y.transpose(1, 2).reshape(B, N, C)  # (B, N, H, D) -> (B, N, C): heads side by side again
        return self.proj(y)
