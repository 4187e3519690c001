"""Scaled dot-product attention, exactly like torch.nn.functional.scaled_dot_product_attention (no dropout)."""
from __future__ import annotations

import math

import torch


def scaled_dot_product_attention(
    query: torch.Tensor,
    key: torch.Tensor,
    value: torch.Tensor,
    attn_mask: torch.Tensor | None = None,
    is_causal: bool = False,
    scale: float | None = None,
) -> torch.Tensor:
    """Attend from every query to the keys and return the weighted mix of the values.

        scores = query @ key^T * scale                      # (..., L, S)
        scores[..., i, j] = -inf  where key j is hidden from query i (masks below)
        weights = softmax(scores, over the keys j)          # each row sums to 1
        out = weights @ value                               # (..., L, Ev)

    Args:
        query: shape (..., L, E): L queries of dimension E. Any number of leading batch
            dimensions (none, (B,), (B, heads), ...), the same for query, key and value.
        key: shape (..., S, E): S keys, same dimension E as the queries. S may differ from L.
        value: shape (..., S, Ev): one value per key; Ev may differ from E.
        attn_mask: None, or a tensor broadcastable to (..., L, S):
            - boolean: True = query i MAY attend to key j, False = hidden (as in torch);
            - floating (query's dtype): ADDED to the scores (0 keeps a key, -inf hides it,
              any other value biases it).
        is_causal: if True, query i may only attend to keys j <= i. The mask is aligned
            top-left as in torch, also when L != S: allowed[i, j] = (j <= i).
            torch refuses attn_mask together with is_causal=True; you may too (not checked).
        scale: the factor applied to the scores; None means 1 / sqrt(E) (E = query.size(-1)).
            A given scale (even 1.0) replaces it.

    Returns:
        A tensor of shape (..., L, Ev), with query's dtype, on query's device.

    Fully masked rows:
        When every key of a row is hidden (a boolean row that is all False, or a float row
        that is all -inf), softmax would compute 0/0 = NaN. torch 2.13 returns ZEROS for
        that row instead (the weights are all 0), on CPU, for boolean and float masks alike.
        Match it: that query's output row must be all 0, not NaN and not the mean of values.
        Rows with at least one visible key are unaffected.

    Rules:
        - Do not call F.scaled_dot_product_attention, nn.MultiheadAttention or
          F.multi_head_attention_forward, nor torch's private flash-attention and
          memory-efficient-attention kernels: write it from matmuls and a softmax.
          torch.softmax is allowed.
        - Do not modify the inputs.
        - Work on the inputs' device (CPU or CUDA): create masks with device=query.device.
        - The speed check times float32 inputs of shape (1, 1, 512, 16) against
          F.scaled_dot_product_attention on one CPU thread (limit 15x), and (16, 16, 1024, 64)
          float16 on CUDA where a GPU is present (limit 12x): two batched matmuls and a
          softmax are fast enough; a Python loop over query rows is not.
    """
    # TODO: scores from query and key, scale, mask, softmax over the keys, mix the values.
    raise NotImplementedError("scaled_dot_product_attention: implement it in exercises/scaled_dot_product_attention.py")
