"""Reshapes (B, T, C) straight to (B, H, T, D): tokens and heads mixed."""
from _base import Attention, Block

EXPECTED_MISTAKE = "heads split in the wrong order"


class TransformerBlock(Block):
    class Attention(Attention):
        split_transposed = False
