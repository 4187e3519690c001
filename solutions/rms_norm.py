"""RMSNorm in PyTorch, exactly like torch.nn.functional.rms_norm over the last axis."""
from __future__ import annotations

import torch


def rms_norm(x: torch.Tensor, weight: torch.Tensor | None = None, eps: float = 1e-6) -> torch.Tensor:
    """Reference solution: x * rsqrt(mean(x**2) + eps) over the last axis, times weight."""
    ms = x.pow(2).mean(dim=-1, keepdim=True)  # (..., 1): mean of squares, no centring
    y = x * torch.rsqrt(ms + eps)
    return y if weight is None else y * weight  # weight (D,) broadcasts over the leading axes
