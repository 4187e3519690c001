"""Correct but slow: attention one query token at a time. Passes correctness, fails the speed check."""
import torch
from torch import nn

TOO_SLOW = True


class MultiHeadSelfAttention(nn.Module):
    def __init__(self, dim, num_heads, qkv_bias=False):
        super().__init__()
        self.num_heads = num_heads
        self.qkv = nn.Linear(dim, 3 * dim, bias=qkv_bias)
        self.proj = nn.Linear(dim, dim)

    def forward(self, x, attn_mask=None):
        B, N, C = x.shape
        H = self.num_heads
        D = C // H
        q, k, v = self.qkv(x).view(B, N, 3, H, D).permute(2, 0, 3, 1, 4)
        if attn_mask is not None:
            attn_mask = attn_mask.expand(B, H, N, N)
        rows = []
        for i in range(N):
            s = (q[:, :, i:i + 1] @ k.transpose(-2, -1)) * D ** -0.5  # (B, H, 1, N)
            if attn_mask is not None:
                m = attn_mask[:, :, i:i + 1]
                s = s.masked_fill(~m, float("-inf")) if m.dtype == torch.bool else s + m
            rows.append(s.softmax(-1) @ v)  # (B, H, 1, D)
        y = torch.cat(rows, dim=2).transpose(1, 2).reshape(B, N, C)
        return self.proj(y)
