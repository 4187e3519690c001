"""Splits heads with a bare reshape (B, N, C) -> (B, H, N, D): tokens leak into heads."""
from _base import Base

EXPECTED_MISTAKE = "heads split in the wrong order"


class MultiHeadSelfAttention(Base):
    split = "no transpose"
