"""Wraps nn.MultiheadAttention."""
import torch
from torch import nn

EXPECTED_MISTAKE = "calls the function it re-implements"


class MultiHeadSelfAttention(nn.Module):
    def __init__(self, dim, num_heads, qkv_bias=False):
        super().__init__()
        self.num_heads = num_heads
        self.qkv = nn.Linear(dim, 3 * dim, bias=qkv_bias)
        self.proj = nn.Linear(dim, dim)

    def forward(self, x, attn_mask=None):
        mha = nn.MultiheadAttention(x.shape[-1], self.num_heads, batch_first=True, device=x.device, dtype=x.dtype)
        with torch.no_grad():
            mha.in_proj_weight.copy_(self.qkv.weight)
            mha.in_proj_bias.copy_(self.qkv.bias if self.qkv.bias is not None else torch.zeros_like(mha.in_proj_bias))
            mha.out_proj.weight.copy_(self.proj.weight)
            mha.out_proj.bias.copy_(self.proj.bias)
        if attn_mask is not None and attn_mask.dtype == torch.bool:
            attn_mask = ~attn_mask
        return mha(x, x, x, attn_mask=attn_mask, need_weights=False)[0]
