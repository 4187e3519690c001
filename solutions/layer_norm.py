"""Layer normalisation in PyTorch, exactly like torch.nn.functional.layer_norm."""
from __future__ import annotations

import torch


def layer_norm(
    x: torch.Tensor,
    normalized_shape: int | tuple[int, ...] | list[int] | torch.Size,
    weight: torch.Tensor | None = None,
    bias: torch.Tensor | None = None,
    eps: float = 1e-5,
) -> torch.Tensor:
    """Reference solution: statistics over the last len(normalized_shape) axes of each sample."""
    if isinstance(normalized_shape, int):
        normalized_shape = (normalized_shape,)
    dims = tuple(range(-len(normalized_shape), 0))  # the trailing axes, e.g. (-1,) or (-3, -2, -1)
    mean = x.mean(dim=dims, keepdim=True)  # (..., 1, …, 1)
    var = x.var(dim=dims, unbiased=False, keepdim=True)  # biased, like torch
    y = (x - mean) * torch.rsqrt(var + eps)
    if weight is not None:
        y = y * weight  # weight has normalized_shape: broadcasts over the leading axes
    if bias is not None:
        y = y + bias
    return y
