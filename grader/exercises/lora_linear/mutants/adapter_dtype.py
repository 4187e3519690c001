"""Makes A and B with torch's defaults: float32 on the CPU, whatever the base is."""
import math

import torch
from torch import nn

from _base import Base

EXPECTED_MISTAKE = "A and B not made with the base's dtype and device"


class LoRALinear(Base):
    def __init__(self, base, r, alpha):
        nn.Module.__init__(self)
        self.base = base.requires_grad_(False)
        self.r, self.alpha = r, alpha
        self.A = nn.Parameter(torch.empty(r, base.in_features))
        self.B = nn.Parameter(torch.zeros(base.out_features, r))
        nn.init.kaiming_uniform_(self.A, a=math.sqrt(5))
