"""Launches the kernel, then returns a result torch computed another way (x - (-y))."""
import torch
import triton
from _base import add_kernel

EXPECTED_MISTAKE = "result not computed by your kernel"


def vector_add(x, y):
    out = torch.empty_like(x)
    n = x.numel()
    add_kernel[(triton.cdiv(n, 1024),)](x, y, out, n, BLOCK=1024)
    return torch.sub(x, -y)
