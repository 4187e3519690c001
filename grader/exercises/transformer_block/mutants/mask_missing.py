"""Every token attends to the whole sequence, the future included."""
from _base import Attention, Block

EXPECTED_MISTAKE = "causal mask missing"


class TransformerBlock(Block):
    class Attention(Attention):
        causal = False
