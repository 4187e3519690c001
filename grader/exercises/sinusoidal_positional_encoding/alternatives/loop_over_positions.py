"""Correct but slow: one row (position) at a time. Passes correctness, fails the speed check."""
import torch

TOO_SLOW = True


def sinusoidal_positional_encoding(seq_len, dim):
    inv_freq = 10000.0 ** (-(torch.arange(dim) // 2 * 2) / dim)
    even = torch.arange(dim) % 2 == 0
    pe = torch.empty(seq_len, dim)
    for pos in range(seq_len):
        angle = pos * inv_freq
        pe[pos] = torch.where(even, angle.sin(), angle.cos())
    return pe
