"""cos on even features, sin on odd ones."""
from _base import encoding

EXPECTED_MISTAKE = "sin and cos swapped"


def sinusoidal_positional_encoding(seq_len, dim):
    return encoding(seq_len, dim, swap=True)
