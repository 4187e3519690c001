"""Keeps the base trainable."""
from _base import Base

EXPECTED_MISTAKE = "base weights not frozen"


class LoRALinear(Base):
    def __init__(self, base, r, alpha):
        super().__init__(base, r, alpha)
        base.requires_grad_(True)
