"""Correct: the MLP as a named nn.Sequential, attention from einsum with a registered mask buffer."""
from collections import OrderedDict

import torch
from torch import nn


class Attention(nn.Module):
    def __init__(self, d_model, n_heads):
        super().__init__()
        self.h = n_heads
        self.qkv = nn.Linear(d_model, 3 * d_model)
        self.proj = nn.Linear(d_model, d_model)

    def forward(self, x):
        B, T, C = x.shape
        q, k, v = self.qkv(x).view(B, T, 3, self.h, C // self.h).unbind(2)  # each (B, T, H, D)
        s = torch.einsum("bthd,bshd->bhts", q, k) / (C // self.h) ** 0.5
        future = torch.triu(torch.ones(T, T, dtype=torch.bool, device=x.device), 1)
        w = s.masked_fill(future, float("-inf")).softmax(-1)
        return self.proj(torch.einsum("bhts,bshd->bthd", w, v).reshape(B, T, C))


class TransformerBlock(nn.Module):
    def __init__(self, d_model, n_heads, d_ff):
        super().__init__()
        self.ln1 = nn.LayerNorm(d_model)
        self.attn = Attention(d_model, n_heads)
        self.ln2 = nn.LayerNorm(d_model)
        self.mlp = nn.Sequential(OrderedDict(fc=nn.Linear(d_model, d_ff), act=nn.GELU(approximate="tanh"),
                                             proj=nn.Linear(d_ff, d_model)))

    def forward(self, x):
        h = x + self.attn(self.ln1(x))
        return h + self.mlp(self.ln2(h))
