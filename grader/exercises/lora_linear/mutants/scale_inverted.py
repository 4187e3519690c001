"""Scales the update by r / alpha."""
from _base import Base

EXPECTED_MISTAKE = "scale r / alpha instead of alpha / r"


class LoRALinear(Base):
    def scale(self):
        return self.r / self.alpha
