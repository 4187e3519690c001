"""Uses nn.MultiheadAttention's convention: True = hidden."""
from _base import Base

EXPECTED_MISTAKE = "boolean mask read the wrong way round"


class MultiHeadSelfAttention(Base):
    invert_bool = True
