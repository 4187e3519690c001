"""The input concatenated with the last block's output only."""
from _base import Base, transition

EXPECTED_MISTAKE = "only the last output concatenated"


class DenseBlock(Base):
    only_last = True


transition_block = transition
