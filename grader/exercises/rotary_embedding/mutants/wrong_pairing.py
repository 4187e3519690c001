"""Always pairs (2i, 2i + 1), the RoFormer / GPT-J layout, also when the half-split is asked for."""
from _base import rope

EXPECTED_MISTAKE = "wrong pairing convention"


def rotary_embedding(x, positions, base=10000.0, interleaved=False):
    return rope(x, positions, base, True)
