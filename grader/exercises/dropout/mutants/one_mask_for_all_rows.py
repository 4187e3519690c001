"""Draws one mask for the last axis and broadcasts it over every row."""
import torch

EXPECTED_MISTAKE = "one mask shared by all rows"


def dropout(x, p=0.5, training=True):
    if not training or p == 0:
        return x
    if p == 1:
        return x * 0.0
    keep = torch.rand(x.shape[-1], device=x.device) >= p
    return x * keep / (1 - p)
