"""Draws one decision per row (first axis) and drops whole rows."""
import torch

EXPECTED_MISTAKE = "one mask shared along an axis"


def dropout(x, p=0.5, training=True):
    if not training or p == 0:
        return x
    if p == 1:
        return x * 0.0
    keep = torch.rand(x.shape[0], *[1] * (x.dim() - 1), device=x.device) >= p
    return x * keep / (1 - p)
