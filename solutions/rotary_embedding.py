"""Rotary position embeddings (RoPE), half-split like HF Llama / GPT-NeoX or interleaved like RoFormer / GPT-J."""
from __future__ import annotations

import torch


def rotary_embedding(x: torch.Tensor, positions: torch.Tensor, base: float = 10000.0,
                     interleaved: bool = False) -> torch.Tensor:
    """Reference solution: a (T, D/2) angle table, the pairs rotated as a = a cos - b sin, b = b cos + a sin."""
    D = x.shape[-1]
    i = torch.arange(0, D, 2, device=x.device, dtype=torch.float64)  # 2i for i = 0 .. D/2 - 1
    theta = base ** (-i / D)  # (D/2,)
    ang = (positions.to(torch.float64)[:, None] * theta).to(x.dtype)  # (T, D/2)
    cos, sin = ang.cos(), ang.sin()
    if interleaved:
        a, b = x[..., 0::2], x[..., 1::2]  # (..., T, D/2) each: pairs (2i, 2i + 1)
        return torch.stack((a * cos - b * sin, b * cos + a * sin), dim=-1).flatten(-2)  # (..., T, D)
    a, b = x[..., :D // 2], x[..., D // 2:]  # (..., T, D/2) each: pairs (i, i + D/2)
    return torch.cat((a * cos - b * sin, b * cos + a * sin), dim=-1)  # (..., T, D)
