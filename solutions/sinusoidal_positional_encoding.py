"""Sinusoidal positional encoding of "Attention Is All You Need" (Vaswani et al., 2017)."""
from __future__ import annotations

import torch


def sinusoidal_positional_encoding(seq_len: int, dim: int) -> torch.Tensor:
    """Reference solution: one outer product of positions and frequencies, sin on even and cos on odd features."""
    pos = torch.arange(seq_len, dtype=torch.float64)[:, None]  # (seq_len, 1)
    pair = torch.arange(dim) // 2 * 2  # (dim,): 0, 0, 2, 2, 4, 4, ... the "2i" of feature j
    inv_freq = 10000.0 ** (-pair / dim)  # (dim,), float64: 1 down to about 1/10000
    angle = pos * inv_freq  # (seq_len, 1) * (dim,) -> (seq_len, dim)
    pe = torch.empty(seq_len, dim, dtype=torch.float64)
    pe[:, 0::2] = angle[:, 0::2].sin()
    pe[:, 1::2] = angle[:, 1::2].cos()
    return pe.float()  # float64 arithmetic keeps angles like 1000.0 exact; the result is float32
