"""Always builds qkv without a bias."""
from _base import Base

EXPECTED_MISTAKE = None


class MultiHeadSelfAttention(Base):
    def __init__(self, dim, num_heads, qkv_bias=False):
        super().__init__(dim, num_heads, qkv_bias=False)
