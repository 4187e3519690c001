"""Correct but slow: the update one input vector at a time."""
import math

import torch
from torch import nn

TOO_SLOW = True


class LoRALinear(nn.Module):
    def __init__(self, base, r, alpha):
        super().__init__()
        self.base = base.requires_grad_(False)
        self.r, self.alpha = r, alpha
        W = base.weight
        self.A = nn.Parameter(torch.empty(r, base.in_features, dtype=W.dtype, device=W.device))
        self.B = nn.Parameter(torch.zeros(base.out_features, r, dtype=W.dtype, device=W.device))
        nn.init.kaiming_uniform_(self.A, a=math.sqrt(5))

    def forward(self, x):
        rows = x.reshape(-1, x.shape[-1])
        delta = torch.stack([self.B @ (self.A @ v) for v in rows]) if len(rows) else rows.new_zeros(0, self.B.shape[0])
        return self.base(x) + delta.reshape(*x.shape[:-1], -1) * (self.alpha / self.r)

    def merged(self):
        b = self.base
        out = nn.Linear(b.in_features, b.out_features, bias=b.bias is not None, dtype=b.weight.dtype,
                        device=b.weight.device)
        with torch.no_grad():
            out.weight.copy_(b.weight + self.alpha / self.r * self.B @ self.A)
            if b.bias is not None:
                out.bias.copy_(b.bias)
        return out
