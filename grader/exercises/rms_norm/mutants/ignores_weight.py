"""Forgets the weight."""
import torch

EXPECTED_MISTAKE = "weight ignored"


def rms_norm(x, weight=None, eps=1e-6):
    return x * torch.rsqrt(x.pow(2).mean(-1, keepdim=True) + eps)
