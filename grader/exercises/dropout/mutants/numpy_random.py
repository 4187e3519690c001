"""Draws the mask with NumPy: torch.manual_seed does not make it reproducible."""
import torch

EXPECTED_MISTAKE = "mask not drawn from torch's generator"


def dropout(x, p=0.5, training=True):
    if not training or p == 0:
        return x
    if p == 1:
        return x * 0.0
    import numpy as np
    keep = torch.from_numpy(np.random.random_sample(tuple(x.shape)) >= p).to(x.device)
    return x * keep / (1 - p)
