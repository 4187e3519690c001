"""Merges by adding the update into the base's weight and returning the base."""
import torch

from _base import Base

EXPECTED_MISTAKE = "merged() modifies or shares the base's weights"


class LoRALinear(Base):
    def merged(self):
        with torch.no_grad():
            self.base.weight += self.scale() * self.B @ self.A
        return self.base
