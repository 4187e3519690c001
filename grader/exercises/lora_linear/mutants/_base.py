"""Not a mutant: the correct adapter the mutants in this folder reuse (each overrides one piece)."""
from __future__ import annotations

import math

import torch
from torch import nn


class Base(nn.Module):
    def scale(self):
        return self.alpha / self.r

    def init_adapter(self):
        nn.init.kaiming_uniform_(self.A, a=math.sqrt(5))
        nn.init.zeros_(self.B)

    def __init__(self, base, r, alpha):
        super().__init__()
        self.base = base.requires_grad_(False)
        self.r, self.alpha = r, alpha
        W = base.weight
        self.A = nn.Parameter(torch.empty(r, base.in_features, dtype=W.dtype, device=W.device))
        self.B = nn.Parameter(torch.empty(base.out_features, r, dtype=W.dtype, device=W.device))
        self.init_adapter()

    def forward(self, x):
        return self.base(x) + (x @ self.A.T @ self.B.T) * self.scale()

    def merged(self):
        b = self.base
        out = nn.Linear(b.in_features, b.out_features, bias=b.bias is not None, dtype=b.weight.dtype,
                        device=b.weight.device)
        with torch.no_grad():
            out.weight.copy_(b.weight + self.scale() * self.B @ self.A)
            if b.bias is not None:
                out.bias.copy_(b.bias)
        return out
