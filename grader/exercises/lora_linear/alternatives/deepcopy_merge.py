"""Correct: F.linear for both factors, merged() on a deep copy of the base (its own tensors)."""
import copy
import math

import torch
from torch import nn
from torch.nn import functional as F


class LoRALinear(nn.Module):
    def __init__(self, base, r, alpha):
        super().__init__()
        self.base = base
        for p in base.parameters():
            p.requires_grad = False
        self.r, self.alpha, self.scaling = r, alpha, alpha / r
        self.A = nn.Parameter(base.weight.new_empty(r, base.in_features))
        self.B = nn.Parameter(base.weight.new_zeros(base.out_features, r))
        nn.init.kaiming_uniform_(self.A, a=math.sqrt(5))

    def forward(self, x):
        return self.base(x) + self.scaling * F.linear(F.linear(x, self.A), self.B)

    def merged(self):
        out = copy.deepcopy(self.base)
        with torch.no_grad():
            out.weight.addmm_(self.B, self.A, alpha=self.scaling)
        return out
