"""Initialises B like A: the adapter changes the output before any training."""
import math

from torch import nn

from _base import Base

EXPECTED_MISTAKE = "B initialised randomly"


class LoRALinear(Base):
    def init_adapter(self):
        nn.init.kaiming_uniform_(self.A, a=math.sqrt(5))
        nn.init.kaiming_uniform_(self.B, a=math.sqrt(5))
