"""Correct but slow: one Python iteration per row."""
import torch

TOO_SLOW = True


def rms_norm(x, weight=None, eps=1e-6):
    rows = x.reshape(-1, x.shape[-1])
    out = torch.stack([r * torch.rsqrt((r * r).mean() + eps) for r in rows]).reshape(x.shape)
    return out if weight is None else out * weight
