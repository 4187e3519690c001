"""No ReLU anywhere in the block."""
from _base import Base, torch

EXPECTED_MISTAKE = "no ReLU in the branches"


class Inception(Base):
    def forward(self, x):
        return torch.cat(self.branches(x, reduce=lambda t: t, out=lambda t: t), dim=1)
