"""Forgets the scale."""
from _base import Base

EXPECTED_MISTAKE = "no 1/sqrt(d) scale"


class MultiHeadSelfAttention(Base):
    scale_dim = "none"
