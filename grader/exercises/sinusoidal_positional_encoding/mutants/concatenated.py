"""[all sin | all cos] instead of interleaved."""
from _base import encoding

EXPECTED_MISTAKE = "sin and cos concatenated, not interleaved"


def sinusoidal_positional_encoding(seq_len, dim):
    return encoding(seq_len, dim, concat=True)
