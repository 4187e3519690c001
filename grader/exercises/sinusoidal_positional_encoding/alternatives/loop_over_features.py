"""One column at a time: dim iterations of whole-column operations, fast enough."""
import torch


def sinusoidal_positional_encoding(seq_len, dim):
    pos = torch.arange(seq_len, dtype=torch.float64)
    pe = torch.empty(seq_len, dim)
    for j in range(dim):
        angle = pos / 10000 ** (2 * (j // 2) / dim)
        pe[:, j] = torch.sin(angle) if j % 2 == 0 else torch.cos(angle)
    return pe
