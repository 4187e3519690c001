"""Correct: rows flattened to (N, D), the sum of squares by einsum."""
import torch


def rms_norm(x, weight=None, eps=1e-6):
    rows = x.reshape(-1, x.shape[-1])
    ms = torch.einsum("nd,nd->n", rows, rows)[:, None] / rows.shape[1]
    y = (rows * torch.rsqrt(ms + eps)).reshape(x.shape)
    return y if weight is None else y * weight
