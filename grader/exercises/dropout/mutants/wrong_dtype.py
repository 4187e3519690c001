"""Multiplies by a float64 mask: float32 in, float64 out."""
import torch

EXPECTED_MISTAKE = None


def dropout(x, p=0.5, training=True):
    if not training or p == 0:
        return x
    if p == 1:
        return x * 0.0
    return x * (torch.rand(x.shape, dtype=torch.float64, device=x.device) >= p).double() / (1 - p)
