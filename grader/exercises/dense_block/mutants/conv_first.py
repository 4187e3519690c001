"""Conv -> BatchNorm -> ReLU blocks, the post-activation order."""
from _base import Base, transition

EXPECTED_MISTAKE = "convolution before BatchNorm"


class DenseBlock(Base):
    conv_first = True


transition_block = transition
