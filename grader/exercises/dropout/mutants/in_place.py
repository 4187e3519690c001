"""Multiplies x in place and returns it."""
import torch

EXPECTED_MISTAKE = "dropout applied in place"


def dropout(x, p=0.5, training=True):
    if not training or p == 0:
        return x
    if p == 1:
        return x * 0.0
    with torch.no_grad():
        return x.mul_(torch.rand_like(x) >= p).div_(1 - p)
