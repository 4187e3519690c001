"""Returns the table as (dim, seq_len)."""
from _base import encoding

EXPECTED_MISTAKE = "transposed output"


def sinusoidal_positional_encoding(seq_len, dim):
    return encoding(seq_len, dim).T.contiguous()
