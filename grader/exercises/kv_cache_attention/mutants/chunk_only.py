"""Attends over the new chunk only, as if it were a fresh sequence (its positions restart at 0)."""
from _base import Base

EXPECTED_MISTAKE = "cache not used: attention over the new chunk only"


class CachedCausalSelfAttention(Base):
    use_cache = False
