"""Inverted dropout in training, and x * (1 - p) in eval as well: the eval-time scaling of classic dropout."""
import torch

EXPECTED_MISTAKE = "scaling at eval"


def dropout(x, p=0.5, training=True):
    if not training:
        return x * (1 - p)
    if p == 1:
        return x * 0.0
    return x * (torch.rand_like(x) >= p) / (1 - p)
