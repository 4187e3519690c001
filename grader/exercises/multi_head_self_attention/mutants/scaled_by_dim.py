"""Scales by 1/sqrt(dim) instead of 1/sqrt(head_dim)."""
from _base import Base

EXPECTED_MISTAKE = "scaled by 1/sqrt(dim), not 1/sqrt(head_dim)"


class MultiHeadSelfAttention(Base):
    scale_dim = "dim"
