"""Correct: the L2 norm over the last axis divided by sqrt(D), with sqrt and a division."""
import torch


def rms_norm(x, weight=None, eps=1e-6):
    d = x.shape[-1]
    ms = torch.linalg.vector_norm(x, dim=-1, keepdim=True) ** 2 / d
    y = x / torch.sqrt(ms + eps)
    if weight is not None:
        y = weight * y
    return y
