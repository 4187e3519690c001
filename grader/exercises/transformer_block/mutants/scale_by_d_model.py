"""Scales the scores by the model width instead of the head size."""
from _base import Attention, Block

EXPECTED_MISTAKE = "scores scaled by 1/sqrt(d_model), not 1/sqrt(head_dim)"


class TransformerBlock(Block):
    class Attention(Attention):
        scale_by_model = True
