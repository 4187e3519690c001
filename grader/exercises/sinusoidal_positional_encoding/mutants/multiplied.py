"""pos * 10000 ** (2i / dim) instead of dividing."""
from _base import encoding

EXPECTED_MISTAKE = "position multiplied by 10000^(2i/dim)"


def sinusoidal_positional_encoding(seq_len, dim):
    return encoding(seq_len, dim, multiply=True)
