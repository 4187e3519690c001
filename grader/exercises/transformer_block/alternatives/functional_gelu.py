"""Correct: ModuleDicts for attn and mlp, the LayerNorm and the tanh GELU written out."""
import math

import torch
from torch import nn
from torch.nn import functional as F


class TransformerBlock(nn.Module):
    def __init__(self, d_model, n_heads, d_ff):
        super().__init__()
        self.n_heads = n_heads
        self.ln1 = nn.LayerNorm(d_model)
        self.attn = nn.ModuleDict(dict(qkv=nn.Linear(d_model, 3 * d_model), proj=nn.Linear(d_model, d_model)))
        self.ln2 = nn.LayerNorm(d_model)
        self.mlp = nn.ModuleDict(dict(fc=nn.Linear(d_model, d_ff), proj=nn.Linear(d_ff, d_model)))

    @staticmethod
    def norm(ln, x):
        mu = x.mean(-1, keepdim=True)
        var = (x - mu).pow(2).mean(-1, keepdim=True)
        return (x - mu) / torch.sqrt(var + ln.eps) * ln.weight + ln.bias

    def forward(self, x):
        B, T, C = x.shape
        H = self.n_heads
        q, k, v = self.attn["qkv"](self.norm(self.ln1, x)).chunk(3, dim=-1)
        q, k, v = (t.reshape(B, T, H, C // H).permute(0, 2, 1, 3) for t in (q, k, v))
        y = F.scaled_dot_product_attention(q, k, v, is_causal=True).permute(0, 2, 1, 3).reshape(B, T, C)
        x = x + self.attn["proj"](y)
        h = self.mlp["fc"](self.norm(self.ln2, x))
        h = 0.5 * h * (1 + torch.tanh(math.sqrt(2 / math.pi) * (h + 0.044715 * h ** 3)))
        return x + self.mlp["proj"](h)
