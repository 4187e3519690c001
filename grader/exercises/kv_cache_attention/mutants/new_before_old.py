"""torch.cat((k_new, k_past)): the new keys and values go in front of the cached ones."""
from _base import Base

EXPECTED_MISTAKE = "new keys put before the cached ones"


class CachedCausalSelfAttention(Base):
    new_first = True
