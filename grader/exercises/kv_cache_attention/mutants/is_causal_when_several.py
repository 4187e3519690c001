"""HF's old habit: is_causal only when T_new > 1, so single tokens pass and chunks after a cache do not."""
from _base import Base

EXPECTED_MISTAKE = "causal mask misaligned for T_new > 1"


class CachedCausalSelfAttention(Base):
    mask = "top-left when T_new > 1"
