"""LoRA: a frozen nn.Linear plus a trainable low-rank update (Hu et al., 2021)."""
from __future__ import annotations

import math

import torch
from torch import nn


class LoRALinear(nn.Module):
    """Reference solution: HF PEFT's layout (A random, B zeros, scale alpha / r)."""

    def __init__(self, base: nn.Linear, r: int, alpha: float) -> None:
        super().__init__()
        self.base = base.requires_grad_(False)  # frozen: only A and B train
        self.r, self.alpha = r, alpha
        factory = dict(dtype=base.weight.dtype, device=base.weight.device)
        self.A = nn.Parameter(torch.empty(r, base.in_features, **factory))  # (r, in)
        self.B = nn.Parameter(torch.zeros(base.out_features, r, **factory))  # (out, r): the update starts at 0
        nn.init.kaiming_uniform_(self.A, a=math.sqrt(5))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.base(x) + (x @ self.A.T @ self.B.T) * (self.alpha / self.r)  # (..., in) -> (..., r) -> (..., out)

    def merged(self) -> nn.Linear:
        base = self.base
        out = nn.Linear(base.in_features, base.out_features, bias=base.bias is not None,
                        dtype=base.weight.dtype, device=base.weight.device)
        with torch.no_grad():
            out.weight.copy_(base.weight + (self.alpha / self.r) * self.B @ self.A)  # (out, r) @ (r, in)
            if base.bias is not None:
                out.bias.copy_(base.bias)
        return out
