"""Seeds its own generator with 0 on every call: always the same mask."""
import torch

EXPECTED_MISTAKE = "the same mask on every call"


def dropout(x, p=0.5, training=True):
    if not training or p == 0:
        return x
    if p == 1:
        return x * 0.0
    g = torch.Generator(device=x.device).manual_seed(0)
    keep = torch.rand(x.shape, generator=g, device=x.device, dtype=x.dtype) >= p
    return x * keep / (1 - p)
