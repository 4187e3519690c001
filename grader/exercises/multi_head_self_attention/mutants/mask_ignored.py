"""Never applies attn_mask: every query sees every key."""
from _base import Base

EXPECTED_MISTAKE = "attn_mask ignored"


class MultiHeadSelfAttention(Base):
    use_mask = False
