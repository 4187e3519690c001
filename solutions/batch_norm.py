"""Batch normalisation in PyTorch, exactly like torch.nn.functional.batch_norm."""
from __future__ import annotations

import torch


def batch_norm(
    x: torch.Tensor,
    running_mean: torch.Tensor | None,
    running_var: torch.Tensor | None,
    weight: torch.Tensor | None = None,
    bias: torch.Tensor | None = None,
    training: bool = False,
    momentum: float = 0.1,
    eps: float = 1e-5,
) -> torch.Tensor:
    """Reference solution: per-channel statistics over every axis but the channel axis."""
    C = x.shape[1]
    dims = [0, *range(2, x.dim())]  # every axis except the channels: (0,), (0, 2) or (0, 2, 3)
    shape = [1, C] + [1] * (x.dim() - 2)  # broadcasts a (C,) vector over x: (1, C), (1, C, 1) …

    if training:
        mean = x.mean(dim=dims)  # (C,)
        var = x.var(dim=dims, unbiased=False)  # (C,), biased: it normalises this batch
        if running_mean is not None and running_var is not None:
            n = x.numel() // C  # values per channel
            with torch.no_grad():  # bookkeeping, not part of the graph
                running_mean.mul_(1 - momentum).add_(momentum * mean)
                running_var.mul_(1 - momentum).add_(momentum * var * n / (n - 1))  # unbiased estimate
    else:
        mean, var = running_mean, running_var

    y = (x - mean.view(shape)) * torch.rsqrt(var.view(shape) + eps)
    if weight is not None:
        y = y * weight.view(shape)
    if bias is not None:
        y = y + bias.view(shape)
    return y
