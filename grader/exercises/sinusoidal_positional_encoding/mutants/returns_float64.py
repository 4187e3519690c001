"""Returns the float64 table."""
import torch
from _base import encoding

EXPECTED_MISTAKE = None


def sinusoidal_positional_encoding(seq_len, dim):
    return encoding(seq_len, dim, dtype=torch.float64)
