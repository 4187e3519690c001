"""chunk + einsum, heads as an explicit axis; softmax weights zeroed where NaN."""
import torch
from torch import nn


class MultiHeadSelfAttention(nn.Module):
    def __init__(self, dim, num_heads, qkv_bias=False):
        super().__init__()
        assert dim % num_heads == 0
        self.h = num_heads
        self.qkv = nn.Linear(dim, 3 * dim, bias=qkv_bias)
        self.proj = nn.Linear(dim, dim)

    def forward(self, x, attn_mask=None):
        B, N, C = x.shape
        q, k, v = self.qkv(x).chunk(3, dim=-1)  # each (B, N, C)
        q, k, v = (t.unflatten(-1, (self.h, C // self.h)) for t in (q, k, v))  # (B, N, h, d)
        s = torch.einsum("bnhd,bmhd->bhnm", q, k) / (C // self.h) ** 0.5
        if attn_mask is not None:
            s = s + torch.zeros_like(attn_mask, dtype=s.dtype).masked_fill(~attn_mask, float("-inf")) \
                if attn_mask.dtype == torch.bool else s + attn_mask
        w = torch.softmax(s, dim=-1)
        y = torch.einsum("bhnm,bmhd->bnhd", w, v).reshape(B, N, C)
        return self.proj(y)
