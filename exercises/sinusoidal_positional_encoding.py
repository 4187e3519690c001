"""Sinusoidal positional encoding of "Attention Is All You Need" (Vaswani et al., 2017)."""
from __future__ import annotations

import math

import torch


def sinusoidal_positional_encoding(seq_len: int, dim: int) -> torch.Tensor:
    """The fixed positional encoding added to token embeddings in the original Transformer.

    For position pos = 0 .. seq_len-1 and feature j = 0 .. dim-1, with i = j // 2
    (features 2i and 2i+1 share one frequency):

        PE[pos, 2i]   = sin(pos / 10000 ** (2i / dim))
        PE[pos, 2i+1] = cos(pos / 10000 ** (2i / dim))

    So feature 0 is sin(pos), feature 1 is cos(pos), and the frequencies fall geometrically
    from 1 to about 1/10000 across the features. Sin and cos are INTERLEAVED (even features
    sin, odd features cos), not concatenated [all sin | all cos].

    Args:
        seq_len: number of positions, >= 1. Positions start at 0: row 0 is [0, 1, 0, 1, ...].
        dim: number of features, >= 1. An odd dim is allowed: the last feature (even index
            dim-1) is then a sin with exponent 2i/dim, i = (dim-1)//2, by the same formula.

    Returns:
        A float32 tensor (torch's default dtype) of shape (seq_len, dim), on the CPU.
        Computing in float64 and casting at the end is fine, and so is float32 throughout:
        the checks allow 2e-4 of absolute error, enough for float32 angles up to
        position ~1000.

    Rules:
        - The speed check times seq_len=8192, dim=128 against a vectorised float32 torch
          version on one CPU thread (limit 15x): build the (seq_len, dim) table from an outer product
          of positions and frequencies; a Python loop over positions is too slow.
    """
    # TODO: positions (seq_len, 1) times inverse frequencies (dim,), then sin on even and cos on odd features.
    raise NotImplementedError("sinusoidal_positional_encoding: implement it in exercises/sinusoidal_positional_encoding.py")
