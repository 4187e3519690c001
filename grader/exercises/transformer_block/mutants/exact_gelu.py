"""nn.GELU()'s default: the erf GELU, not GPT-2's tanh approximation."""
from _base import MLP, Block

EXPECTED_MISTAKE = "exact GELU instead of the tanh approximation"


class TransformerBlock(Block):
    class MLP(MLP):
        approximate = "none"
