"""Draws the mask with torch.rand(x.shape), without device=: right on a CPU-only machine, a crash with
the input on a GPU (where a check run only on CUDA would be the only one to see it)."""
import torch

EXPECTED_MISTAKE = None


def dropout(x, p=0.5, training=True):
    if not training or p == 0:
        return x
    if p == 1:
        return x * 0.0
    keep = torch.rand(x.shape, dtype=x.dtype) >= p  # on the CPU whatever x's device
    return x * keep / (1 - p)
