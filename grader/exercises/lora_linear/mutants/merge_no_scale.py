"""Merges W + B A, without alpha / r."""
import torch
from torch import nn

from _base import Base

EXPECTED_MISTAKE = "merged() forgets the scale"


class LoRALinear(Base):
    def merged(self):
        b = self.base
        out = nn.Linear(b.in_features, b.out_features, bias=b.bias is not None, dtype=b.weight.dtype,
                        device=b.weight.device)
        with torch.no_grad():
            out.weight.copy_(b.weight + self.B @ self.A)
            if b.bias is not None:
                out.bias.copy_(b.bias)
        return out
