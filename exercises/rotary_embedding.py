"""Rotary position embeddings (RoPE), half-split like HF Llama / GPT-NeoX or interleaved like RoFormer / GPT-J."""
from __future__ import annotations

import torch


def rotary_embedding(x: torch.Tensor, positions: torch.Tensor, base: float = 10000.0,
                     interleaved: bool = False) -> torch.Tensor:
    """Rotate pairs of coordinates of x by angles proportional to each token's position.

    x has shape (..., T, D) with D even (queries or keys, e.g. (B, H, T, D)); positions has
    shape (T,), integers (int64), on x's device: token t of x sits at position positions[t],
    which need not be 0..T-1 (with a KV cache the new tokens sit at T_past, T_past + 1, ...).
    Use the positions you are given.

    The D coordinates form D/2 pairs; pair i (i = 0 .. D/2 - 1) has the frequency

        theta_i = base ** (-2 i / D)             (the exponent is 2i/D, not i/D)

    and at position p it is rotated by the angle p * theta_i, counter-clockwise:

        (a, b) -> (a cos(p theta_i) - b sin(p theta_i),  b cos(p theta_i) + a sin(p theta_i))

    Which coordinates form pair i:
        - interleaved=False (default; HF Llama, GPT-NeoX): a = x[..., i], b = x[..., i + D/2]
          (the "half-split": out = x * cos + rotate_half(x) * sin, with
          rotate_half(x) = cat(-x[..., D/2:], x[..., :D/2]) and cos/sin of shape (T, D) holding
          each pair's angle at coordinates i and i + D/2);
        - interleaved=True (RoFormer, GPT-J, Meta's original LLaMA code): a = x[..., 2i],
          b = x[..., 2i + 1] (each angle repeated twice in a row in cos/sin).
    The same as a complex multiplication: z_i = a + i b times exp(i p theta_i).

    A rotation preserves each vector's norm, and rotating a query at position p and a key at
    position p' makes their dot product depend on the positions only through p - p'. The
    checks test that too (with the positions shifted by a constant, the scores do not change).

    Compute the angles in x's dtype (float32 or float64) or in float64 and cast; the result
    has x's shape, dtype and device, and gradients flow to x. base is a float > 1 (10000 by
    default; Llama 3 uses 500000): use the base you are given.

    Rules:
        - Do not modify x or positions.
        - Create every new tensor (arange, frequencies) on x's device.
        - The speed check times float32 x of shape (4, 8, 256, 64) with positions 0..255,
          half-split, on one CPU thread against a float32 complex multiplication written in
          the checks (limit 10x), and x (8, 32, 2048, 128) on CUDA (limit 10x): build the
          (T, D/2) angle table once and broadcast it; no Python loop over pairs or tokens.
    """
    # TODO: theta = base ** (-2i / D); angles = positions[:, None] * theta; pair the coordinates
    #       (halves or (2i, 2i+1)), rotate each pair by its angle, put them back in place.
    raise NotImplementedError("rotary_embedding: implement it in exercises/rotary_embedding.py")
