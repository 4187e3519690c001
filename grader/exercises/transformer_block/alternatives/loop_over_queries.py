"""Correct but slow: causal attention one (sequence, head, query) at a time, over the keys up to it."""
import torch
from torch import nn
from torch.nn import functional as F

TOO_SLOW = True


class Attention(nn.Module):
    def __init__(self, d_model, n_heads):
        super().__init__()
        self.h = n_heads
        self.qkv = nn.Linear(d_model, 3 * d_model)
        self.proj = nn.Linear(d_model, d_model)

    def forward(self, x):
        B, T, C = x.shape
        D = C // self.h
        q, k, v = (t.view(B, T, self.h, D).transpose(1, 2) for t in self.qkv(x).split(C, dim=-1))
        rows = []
        for b in range(B):
            for h in range(self.h):
                for t in range(T):
                    w = torch.softmax(k[b, h, :t + 1] @ q[b, h, t] / D ** 0.5, 0)  # (t+1,)
                    rows.append(w @ v[b, h, :t + 1])  # (D,)
        y = torch.stack(rows).view(B, self.h, T, D)
        return self.proj(y.transpose(1, 2).reshape(B, T, C))


class MLP(nn.Module):
    def __init__(self, d_model, d_ff):
        super().__init__()
        self.fc = nn.Linear(d_model, d_ff)
        self.proj = nn.Linear(d_ff, d_model)

    def forward(self, x):
        return self.proj(F.gelu(self.fc(x), approximate="tanh"))


class TransformerBlock(nn.Module):
    def __init__(self, d_model, n_heads, d_ff):
        super().__init__()
        self.ln1, self.attn = nn.LayerNorm(d_model), Attention(d_model, n_heads)
        self.ln2, self.mlp = nn.LayerNorm(d_model), MLP(d_model, d_ff)

    def forward(self, x):
        x = x + self.attn(self.ln1(x))
        return x + self.mlp(self.ln2(x))
