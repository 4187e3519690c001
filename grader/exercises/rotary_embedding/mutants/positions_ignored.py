"""Rotates token t by t * theta: torch.arange(T) where the positions were given."""
from _base import rope

EXPECTED_MISTAKE = "positions ignored"


def rotary_embedding(x, positions, base=10000.0, interleaved=False):
    return rope(x, positions, base, interleaved, arange=True)
