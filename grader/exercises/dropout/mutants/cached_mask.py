"""Draws a mask once per shape and reuses it on every later call."""
import torch

EXPECTED_MISTAKE = "the same mask on every call"

_masks = {}


def dropout(x, p=0.5, training=True):
    if not training or p == 0:
        return x
    if p == 1:
        return x * 0.0
    key = (tuple(x.shape), p, x.device)
    if key not in _masks:
        _masks[key] = torch.rand_like(x) >= p
    return x * _masks[key] / (1 - p)
