"""Treats the root mean square as a constant in the backward pass."""
import torch

EXPECTED_MISTAKE = "statistic detached"


def rms_norm(x, weight=None, eps=1e-6):
    y = x * torch.rsqrt(x.detach().pow(2).mean(-1, keepdim=True) + eps)
    return y if weight is None else y * weight
