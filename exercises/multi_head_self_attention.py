"""Multi-head self-attention as one module, the layout of ViT/timm's Attention (qkv in one Linear)."""
from __future__ import annotations

import torch
from torch import nn


class MultiHeadSelfAttention(nn.Module):
    """Multi-head self-attention over a batch of token sequences.

    Layers (the checks copy weights into them by these names, so keep them exactly):
        self.qkv  = nn.Linear(dim, 3 * dim, bias=qkv_bias)   # q, k and v in one matmul
        self.proj = nn.Linear(dim, dim)                      # output projection (with bias)

    forward(x, attn_mask=None), for x of shape (B, N, C) with C = dim:
        1. qkv = self.qkv(x), shape (B, N, 3C). Its last axis is [q | k | v] (C features each),
           and each of q, k, v is [head 0 | head 1 | ...] with head_dim = C // num_heads
           features per head. This is nn.MultiheadAttention's in_proj layout.
        2. Split into heads: q, k, v of shape (B, num_heads, N, head_dim). Reshape, then
           TRANSPOSE: a bare reshape of (B, N, C) to (B, num_heads, N, head_dim) mixes tokens.
        3. Per head, attention as in scaled_dot_product_attention:
           softmax(q @ k^T / sqrt(head_dim) + mask) @ v, shape (B, num_heads, N, head_dim).
           The scale uses the HEAD dimension, not C.
        4. Merge the heads back to (B, N, C) (head h's features at h*head_dim ... ) and apply
           self.proj.

    attn_mask (optional), broadcastable to (B, num_heads, N, N), e.g. (N, N):
        - boolean: True = query i MAY attend to key j (the convention of
          F.scaled_dot_product_attention; nn.MultiheadAttention uses the opposite one);
        - floating (x's dtype): added to the scores before the softmax (-inf hides a key).
        Every query keeps at least one visible key in the checks.

    The output has x's shape, dtype and device. Your module may compute in any way, but its
    only parameters are those of qkv and proj, and num_heads must divide dim
    (raise ValueError otherwise; not checked).

    Rules:
        - Do not use nn.MultiheadAttention, F.multi_head_attention_forward or
          F.scaled_dot_product_attention, nor torch's private flash-attention and
          memory-efficient-attention kernels: write the attention yourself.
        - Do not modify x.
        - The speed check times float32 x of shape (2, 256, 128) with 8 heads, without
          gradients, against nn.MultiheadAttention on one CPU thread (limit 8x), and
          (16, 1024, 1024) with 16 heads in float16 on CUDA where a GPU is present (limit 10x).
          Batched matmuls over (B, heads) are fast; Python loops over tokens are not.
    """

    def __init__(self, dim: int, num_heads: int, qkv_bias: bool = False) -> None:
        super().__init__()
        # TODO: store num_heads and head_dim; create self.qkv and self.proj as described above.
        raise NotImplementedError("multi_head_self_attention: implement it in exercises/multi_head_self_attention.py")

    def forward(self, x: torch.Tensor, attn_mask: torch.Tensor | None = None) -> torch.Tensor:
        # TODO: qkv -> split heads -> scaled, masked softmax attention -> merge heads -> proj.
        raise NotImplementedError("multi_head_self_attention: implement forward in exercises/multi_head_self_attention.py")
