"""One head at a time with slices of the qkv output: slower, still fast enough."""
import math

import torch
from torch import nn


class MultiHeadSelfAttention(nn.Module):
    def __init__(self, dim, num_heads, qkv_bias=False):
        super().__init__()
        self.dim, self.num_heads = dim, num_heads
        self.qkv = nn.Linear(dim, 3 * dim, bias=qkv_bias)
        self.proj = nn.Linear(dim, dim)

    def forward(self, x, attn_mask=None):
        C, H = self.dim, self.num_heads
        D = C // H
        qkv = self.qkv(x)
        outs = []
        for h in range(H):
            q = qkv[..., h * D:(h + 1) * D]
            k = qkv[..., C + h * D:C + (h + 1) * D]
            v = qkv[..., 2 * C + h * D:2 * C + (h + 1) * D]
            s = q @ k.transpose(-2, -1) / math.sqrt(D)  # (B, N, N)
            if attn_mask is not None:
                m = attn_mask if attn_mask.dim() < 4 else attn_mask[:, h if attn_mask.shape[1] > 1 else 0]
                s = s.masked_fill(~m, -math.inf) if m.dtype == torch.bool else s + m
            outs.append(s.softmax(-1) @ v)
        return self.proj(torch.cat(outs, dim=-1))
