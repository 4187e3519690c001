"""Returns the cache it was given, not the concatenated one."""
from _base import Base

EXPECTED_MISTAKE = "cache not returned updated"


class CachedCausalSelfAttention(Base):
    update = False
