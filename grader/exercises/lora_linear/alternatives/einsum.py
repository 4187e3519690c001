"""Correct: einsum through the rank, the merged weight with torch.addmm."""
import math

import torch
from torch import nn


class LoRALinear(nn.Module):
    def __init__(self, base, r, alpha):
        super().__init__()
        self.base = base
        base.weight.requires_grad_(False)
        if base.bias is not None:
            base.bias.requires_grad_(False)
        self.r, self.alpha = r, alpha
        kw = dict(dtype=base.weight.dtype, device=base.weight.device)
        bound = 1 / math.sqrt(base.in_features)  # what kaiming_uniform_(a=sqrt(5)) draws from
        self.A = nn.Parameter(torch.empty(r, base.in_features, **kw).uniform_(-bound, bound))
        self.B = nn.Parameter(torch.zeros(base.out_features, r, **kw))

    def forward(self, x):
        z = torch.einsum("...i,ri->...r", x, self.A)
        return self.base(x) + torch.einsum("...r,or->...o", z, self.B) * (self.alpha / self.r)

    def merged(self):
        b = self.base
        lin = nn.Linear(b.in_features, b.out_features, bias=b.bias is not None).to(b.weight)
        with torch.no_grad():
            lin.weight.copy_(torch.addmm(b.weight, self.B, self.A, alpha=self.alpha / self.r))
            if b.bias is not None:
                lin.bias.copy_(b.bias)
        return lin
