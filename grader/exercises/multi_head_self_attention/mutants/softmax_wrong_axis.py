"""Softmax over the queries."""
from _base import Base

EXPECTED_MISTAKE = "softmax over the wrong axis"


class MultiHeadSelfAttention(Base):
    softmax_dim = -2
