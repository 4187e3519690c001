"""Right pairs, but the (T, D) cos/sin table built for the other layout (GPT-J code mixed with NeoX code)."""
from _base import rope

EXPECTED_MISTAKE = "cos/sin table laid out for the other convention"


def rotary_embedding(x, positions, base=10000.0, interleaved=False):
    return rope(x, positions, base, interleaved, table=not interleaved)
