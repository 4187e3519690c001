"""Backward pass of softmax attention (no mask), derived by hand, in torch without autograd."""
from __future__ import annotations

import math

import torch


def attention_backward(
    q: torch.Tensor,
    k: torch.Tensor,
    v: torch.Tensor,
    dout: torch.Tensor,
    scale: float | None = None,
) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """Reference solution: recompute P, then dV, dP, the softmax backward row by row (vectorised), dQ, dK."""
    scale = 1 / math.sqrt(q.size(-1)) if scale is None else scale
    P = torch.softmax(q @ k.transpose(-2, -1) * scale, dim=-1)  # (..., L, S)
    dv = P.transpose(-2, -1) @ dout  # (..., S, L) @ (..., L, Ev) -> (..., S, Ev)
    dP = dout @ v.transpose(-2, -1)  # (..., L, Ev) @ (..., Ev, S) -> (..., L, S)
    dS = P * (dP - (P * dP).sum(dim=-1, keepdim=True))  # (..., L, S): the softmax Jacobian, row by row
    dq = dS @ k * scale  # (..., L, S) @ (..., S, E) -> (..., L, E)
    dk = dS.transpose(-2, -1) @ q * scale  # (..., S, L) @ (..., L, E) -> (..., S, E)
    return dq, dk, dv
