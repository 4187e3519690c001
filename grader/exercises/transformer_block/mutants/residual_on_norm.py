"""Normalises x in place of the residual stream: the skip path goes through the LayerNorm."""
from _base import Block

EXPECTED_MISTAKE = "residual added to the normalised input"


class TransformerBlock(Block):
    def forward(self, x):
        x = self.ln1(x)
        x = x + self.attn(x)
        x = self.ln2(x)
        return x + self.mlp(x)
