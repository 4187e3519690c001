"""The original Transformer's order: the LayerNorm after the addition."""
from _base import Block

EXPECTED_MISTAKE = "post-norm instead of pre-norm"


class TransformerBlock(Block):
    def forward(self, x):
        x = self.ln1(x + self.attn(x))
        return self.ln2(x + self.mlp(x))
