"""Ignores training: drops in eval too."""
import torch

EXPECTED_MISTAKE = "dropout active in eval"


def dropout(x, p=0.5, training=True):
    if p == 0:
        return x
    if p == 1:
        return x * 0.0
    return x * (torch.rand_like(x) >= p) / (1 - p)
