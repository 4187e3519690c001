"""Uses 10000 whatever base is passed."""
from _base import rope

EXPECTED_MISTAKE = "base argument ignored"


def rotary_embedding(x, positions, base=10000.0, interleaved=False):
    return rope(x, positions, 10000.0, interleaved)
