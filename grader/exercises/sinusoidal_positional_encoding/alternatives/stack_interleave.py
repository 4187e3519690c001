"""sin and cos stacked on a new last axis, then flattened: interleaved by construction."""
import torch


def sinusoidal_positional_encoding(seq_len, dim):
    half = (dim + 1) // 2
    inv_freq = 1.0 / (10000 ** (torch.arange(half, dtype=torch.float64) * 2 / dim))
    angle = torch.outer(torch.arange(seq_len, dtype=torch.float64), inv_freq)  # (seq_len, half)
    pe = torch.stack([angle.sin(), angle.cos()], dim=-1).reshape(seq_len, 2 * half)
    return pe[:, :dim].to(torch.float32)
