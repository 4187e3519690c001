"""Correct but slow: one Python iteration per new token and head."""
import math

import torch
from _layers import Layers

TOO_SLOW = True


class CachedCausalSelfAttention(Layers):
    def forward(self, x, cache=None):
        B, T, C = x.shape
        H, D = self.n_heads, C // self.n_heads
        q, k, v = (t.view(B, T, H, D).transpose(1, 2) for t in self.qkv(x).split(C, dim=-1))
        if cache is not None:
            k, v = torch.cat((cache[0], k), 2), torch.cat((cache[1], v), 2)
        past = k.shape[2] - T
        y = torch.empty(B, T, C, dtype=x.dtype, device=x.device)
        for i in range(T):
            n = past + i + 1  # keys this token may see
            for h in range(H):
                w = torch.softmax(k[:, h, :n] @ q[:, h, i].unsqueeze(-1) / math.sqrt(D), dim=1)  # (B, n, 1)
                y[:, i, h * D:(h + 1) * D] = (w * v[:, h, :n]).sum(1)
        return self.proj(y), (k, v)
