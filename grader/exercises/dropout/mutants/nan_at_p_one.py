"""No special case for p = 1: 0 * (1 / 0) gives NaN."""
import torch

EXPECTED_MISTAKE = "NaN at p = 1"


def dropout(x, p=0.5, training=True):
    if not training:
        return x
    return x * (torch.rand_like(x) >= p) / (1 - p) if p < 1 else x * (torch.rand_like(x) >= p) * float('inf')
