"""n // BLOCK programs: the last, partial block is never computed."""
import torch
from _base import add_kernel

EXPECTED_MISTAKE = "grid too small (no ceiling division)"


def vector_add(x, y):
    out = torch.empty_like(x)
    n = x.numel()
    add_kernel[(n // 512,)](x, y, out, n, BLOCK=512)
    return out
