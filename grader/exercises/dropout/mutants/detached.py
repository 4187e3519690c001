"""Builds the output from x.detach(): right values, no gradient."""
import torch

EXPECTED_MISTAKE = "computed outside autograd"


def dropout(x, p=0.5, training=True):
    if not training or p == 0:
        return x
    if p == 1:
        return x * 0.0
    return x.detach() * (torch.rand_like(x) >= p) / (1 - p)
