"""Merges heads with a bare reshape (B, H, N, D) -> (B, N, C)."""
from _base import Base

EXPECTED_MISTAKE = "heads merged in the wrong order"


class MultiHeadSelfAttention(Base):
    merge = "no transpose"
