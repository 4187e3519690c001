"""No causal mask: a chunk's tokens see the new tokens after them."""
from _base import Base

EXPECTED_MISTAKE = "causal mask missing"


class CachedCausalSelfAttention(Base):
    mask = "none"
