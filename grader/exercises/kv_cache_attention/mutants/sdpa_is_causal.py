"""SDPA-style is_causal=True: the causal mask tril(0), aligned top-left, whatever the cache."""
from _base import Base

EXPECTED_MISTAKE = "causal mask misaligned for T_new > 1"


class CachedCausalSelfAttention(Base):
    mask = "top-left"
