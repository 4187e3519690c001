"""Keeps each element with probability p (and scales by 1/p)."""
import torch

EXPECTED_MISTAKE = "p read as the keep probability"


def dropout(x, p=0.5, training=True):
    if not training or p == 0:
        return x
    if p == 1:
        return x * 0.0
    return x * (torch.rand_like(x) < p) / p
