"""The tensor2tensor layout: all the sines, then all the cosines, with the right frequencies. Its property
check (sin^2 + cos^2 = 1 for features 2i, 2i+1) once named "exponent uses j instead of 2i"."""
import math

import torch

EXPECTED_MISTAKE = "sin and cos concatenated, not interleaved"


def sinusoidal_positional_encoding(seq_len: int, dim: int) -> torch.Tensor:
    half = (dim + 1) // 2
    pos = torch.arange(seq_len, dtype=torch.float64)[:, None]  # (seq_len, 1)
    freq = torch.exp(-math.log(10000.0) * 2 * torch.arange(half, dtype=torch.float64) / dim)  # (half,)
    angles = pos * freq  # (seq_len, half)
    return torch.cat([angles.sin(), angles.cos()[:, :dim - half]], dim=1).float()  # (seq_len, dim)
