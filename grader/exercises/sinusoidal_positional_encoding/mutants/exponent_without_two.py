"""10000 ** (-i / dim): the 2 of 2i is missing."""
from _base import encoding

EXPECTED_MISTAKE = "exponent i/dim instead of 2i/dim"


def sinusoidal_positional_encoding(seq_len, dim):
    return encoding(seq_len, dim, exponent="i")
