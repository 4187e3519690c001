"""Never splits into heads: one attention over all C features (scaled by head_dim, as the spec says)."""
from _base import Base

EXPECTED_MISTAKE = "one head instead of num_heads"


class MultiHeadSelfAttention(Base):
    split = "one head"
