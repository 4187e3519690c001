"""Drops with probability p but never rescales the survivors."""
import torch

EXPECTED_MISTAKE = "survivors not scaled by 1/(1 - p)"


def dropout(x, p=0.5, training=True):
    if not training or p == 0:
        return x
    if p == 1:
        return x * 0.0
    return x * (torch.rand_like(x) >= p)
