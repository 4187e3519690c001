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
    """Gradients of a scalar loss L through out = softmax(q @ k^T * scale) @ v, given dout = dL/d out.

    The forward, torch.nn.functional.scaled_dot_product_attention without a mask or dropout:

        S = q @ k^T * scale          # (..., L, S) scores
        P = softmax(S, over the keys) # (..., L, S), each row sums to 1
        out = P @ v                  # (..., L, Ev)

    Return (dq, dk, dv) = (dL/dq, dL/dk, dL/dv), derived by hand:

        dv = P^T @ dout                                  dP = dout @ v^T
        dS = P * (dP - rowsum(P * dP))                   (the softmax Jacobian diag(p) - p p^T, per row)
        dq = dS @ k * scale                              dk = dS^T @ q * scale

    Args:
        q: queries, shape (..., L, E): any number of leading batch dims (none, (B,), (B, heads), ...),
            the same for q, k, v and dout (no broadcasting).
        k: keys, shape (..., S, E). S may differ from L.
        v: values, shape (..., S, Ev). Ev may differ from E.
        dout: upstream gradient dL/d out, shape (..., L, Ev).
        scale: the factor on the scores; None means 1 / sqrt(E) (E = q.size(-1)). A given scale
            (even 1.0) replaces it.
        All four share one floating dtype (float32 or float64 in the checks, float16 in the CUDA
        speed check) and one device.

    Returns:
        (dq, dk, dv) with the shapes of q, k and v, q's dtype, on q's device.

    Rules:
        - No autograd; the point is to derive the gradients yourself. Do not call
          torch.autograd.grad, torch.autograd.backward, torch.autograd.functional.vjp,
          torch.autograd.functional.jacobian, torch.func.grad, torch.func.vjp, torch.func.jacrev,
          Tensor.backward or Tensor.requires_grad_.
        - Do not call F.scaled_dot_product_attention, nn.MultiheadAttention or
          F.multi_head_attention_forward, nor torch's private flash-attention and
          memory-efficient-attention kernels (nor their backward): write it from matmuls.
          torch.softmax is allowed, and the softmax must stay stable for large scores.
        - Do not modify the inputs.
        - Work on the inputs' device (CPU or CUDA): any new tensor with device=q.device.
        - The checks compare with torch autograd of F.scaled_dot_product_attention in float64
          (float32 inputs: rtol 1e-4).
        - The speed check times float32 q, k, v, dout of shape (1, 1, 512, 16) against torch
          autograd of F.scaled_dot_product_attention (forward and backward) on one CPU thread
          (limit 12x), and (16, 16, 1024, 64) float16 on CUDA where a GPU is present (limit 20x):
          a handful of batched matmuls and elementwise ops is fast enough; a Python loop over
          query rows is not.
    """
    # TODO: recompute P; dv and dP from out = P @ v; dS through the softmax (keep the row term);
    # dq and dk from S = q @ k^T * scale.
    raise NotImplementedError("attention_backward: implement it in exercises/attention_backward.py")
