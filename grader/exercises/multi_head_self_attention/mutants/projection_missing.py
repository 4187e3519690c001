"""Creates self.proj but never applies it."""
from _base import Base

EXPECTED_MISTAKE = "projection missing"


class MultiHeadSelfAttention(Base):
    use_proj = False
