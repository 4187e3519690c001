"""rotate_half written as cat(x2, -x1): every pair turns by -p theta."""
from _base import rope

EXPECTED_MISTAKE = "rotated the wrong way"


def rotary_embedding(x, positions, base=10000.0, interleaved=False):
    return rope(x, positions, base, interleaved, sign=-1.0)
