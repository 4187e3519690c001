"""RMSNorm in PyTorch, exactly like torch.nn.functional.rms_norm over the last axis."""
from __future__ import annotations

import torch


def rms_norm(x: torch.Tensor, weight: torch.Tensor | None = None, eps: float = 1e-6) -> torch.Tensor:
    """Normalise every row of x (its LAST axis) by its root mean square, like F.rms_norm.

    RMSNorm (Zhang & Sennrich, 2019; LLaMA, Mistral, Gemma) is LayerNorm without the centring
    and without the bias. For each position of the leading axes, over the last axis of size D:

        ms = mean(x**2 over the last axis)        (the mean of SQUARES, not the variance)
        y  = x / sqrt(ms + eps) * weight           (eps INSIDE the square root)

    Same as F.rms_norm(x, (D,), weight, eps) (and HF LlamaRMSNorm, computed in x's dtype).

    Args:
        x: (..., D), float32 or float64, on any device; 1-D (D,) is one row.
        weight: (D,) elementwise scale, or None (no scale). There is no bias.
        eps: added to the mean of squares inside the square root (default 1e-6, as in LLaMA).

    Returns:
        A new tensor of x's shape, dtype and device. Gradients must flow from it to x and weight
        through autograd (torch operations only; no .detach(), .numpy(), .item()), including
        through the mean of squares.

    Rules:
        - Do not modify x or weight.
        - Do not call F.rms_norm, torch.rms_norm, nn.RMSNorm, F.layer_norm, nn.LayerNorm or
          F.normalize: write it yourself.
        - An all-zero row has ms = 0: the output is 0 (no NaN; that is what eps is for).
        - The speed check times float32 x of shape (16384, 16) with a weight against F.rms_norm
          on one CPU thread (limit 60x) and (8192, 1024) on CUDA (limit 20x): no Python loop
          over rows.
    """
    # TODO: mean of squares over the last axis (keepdim), divide by sqrt(ms + eps), scale by weight.
    raise NotImplementedError("rms_norm: implement it in exercises/rms_norm.py")
