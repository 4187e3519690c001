"""Feature j gets 10000 ** (-j / dim): the pairs do not share a frequency."""
from _base import encoding

EXPECTED_MISTAKE = "exponent uses j instead of 2i"


def sinusoidal_positional_encoding(seq_len, dim):
    return encoding(seq_len, dim, exponent="j")
