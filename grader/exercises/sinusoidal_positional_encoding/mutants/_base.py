"""Not a mutant: the correct table with one switch per classic mistake, so each mutant differs by one."""
import torch


def encoding(seq_len, dim, *, swap=False, concat=False, exponent="2i", multiply=False, first=0,
             dtype=torch.float32):
    pos = torch.arange(first, first + seq_len, dtype=torch.float64)[:, None]
    j = torch.arange(dim)
    if concat:
        half = (dim + 1) // 2
        i = torch.where(j < half, j, j - half)
        use_sin = j < half
    else:
        i, use_sin = j // 2, j % 2 == 0
    power = {"2i": 2 * i, "j": j, "i": i}[exponent] / dim
    angle = pos * 10000.0 ** power if multiply else pos / 10000.0 ** power
    if swap:
        use_sin = ~use_sin
    return torch.where(use_sin, angle.sin(), angle.cos()).to(dtype)
