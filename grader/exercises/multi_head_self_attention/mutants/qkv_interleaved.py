"""Reads qkv as per-head [q | k | v] blocks (GPT-NeoX layout) instead of [q | k | v]."""
from _base import Base

EXPECTED_MISTAKE = "q, k, v read from the wrong features"


class MultiHeadSelfAttention(Base):
    split = "interleaved"
