"""Positions 1 .. seq_len instead of 0 .. seq_len-1."""
from _base import encoding

EXPECTED_MISTAKE = "positions start at 1"


def sinusoidal_positional_encoding(seq_len, dim):
    return encoding(seq_len, dim, first=1)
