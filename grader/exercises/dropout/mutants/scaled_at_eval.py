"""Classic (non-inverted) dropout: no scaling in training, x * (1 - p) in eval."""
import torch

EXPECTED_MISTAKE = "scaling at eval"


def dropout(x, p=0.5, training=True):
    if not training:
        return x * (1 - p)
    return x * (torch.rand_like(x) >= p)
