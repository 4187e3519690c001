"""A GPT-2 transformer block: pre-norm causal self-attention and an MLP, each inside a residual."""
from __future__ import annotations

import torch
from torch import nn


class TransformerBlock(nn.Module):
    """One decoder block of GPT-2, without dropout (nanoGPT's `Block`, with GPT-2's tanh GELU).

    Submodules (the checks read your weights by these names, so keep them exactly), registered
    in this order:
        self.ln1      = nn.LayerNorm(d_model)                   # eps 1e-5, with weight and bias (d_model,)
        self.attn     an nn.Module with two layers:
            self.attn.qkv  = nn.Linear(d_model, 3 * d_model)   # q, k, v in one matmul, with bias
            self.attn.proj = nn.Linear(d_model, d_model)       # output projection, with bias
        self.ln2      = nn.LayerNorm(d_model)
        self.mlp      an nn.Module with two layers:
            self.mlp.fc    = nn.Linear(d_model, d_ff)
            self.mlp.proj  = nn.Linear(d_ff, d_model)
    self.attn and self.mlp may be your own small nn.Module classes (nanoGPT's CausalSelfAttention
    and MLP) or anything with those attributes. These are the only parameters:
    4 d_model^2 + 4 d_model (attention) + 2 d_model d_ff + d_ff + d_model (MLP) + 4 d_model
    (the two LayerNorms).

    forward(x), x of shape (B, T, d_model), returns the same shape:
        x = x + attn(ln1(x))      # PRE-norm: the residual adds to x itself, not to ln1(x)
        x = x + mlp(ln2(x))
    where
        attn(h): qkv = self.attn.qkv(h), shape (B, T, 3 d_model), last axis [q | k | v], each
            [head 0 | head 1 | ...] with head_dim = d_model // n_heads features per head;
            split into (B, n_heads, T, head_dim) (reshape to (B, T, n_heads, head_dim) THEN
            transpose), causal attention per head, softmax(q k^T / sqrt(head_dim) + mask) v,
            where query t attends to keys 0..t only; merge the heads back to (B, T, d_model)
            and apply self.attn.proj.
        mlp(h) = self.mlp.proj(gelu(self.mlp.fc(h))), GELU with the TANH approximation
            (GPT-2's "gelu_new", F.gelu(..., approximate="tanh")), not the exact erf GELU
            (nn.GELU()'s default, which nanoGPT's model.py uses).
    There is no dropout and no final LayerNorm (in GPT-2 that comes once, after the last block).
    n_heads divides d_model (raise ValueError otherwise; not checked). The output has x's
    dtype and device; the checks run it in float64 and float32, on CUDA too where there is a GPU.

    Rules:
        - Do not use nn.MultiheadAttention, nn.TransformerEncoderLayer, nn.TransformerDecoderLayer
          or F.multi_head_attention_forward: the exercise is the block. You may write attention from
          matmuls, or call F.scaled_dot_product_attention(q, k, v, is_causal=True).
        - Do not modify x.
        - The speed check times float32 x of shape (2, 128, 128), n_heads=4, d_ff=512, without
          gradients, against the same block written with torch's functional ops on one CPU
          thread (limit 4x), and (8, 1024, 1024) with 16 heads, d_ff=4096, in float16 on CUDA
          where a GPU is present (limit 4x). No Python loop over heads or tokens.
    """

    def __init__(self, d_model: int, n_heads: int, d_ff: int) -> None:
        super().__init__()
        # TODO: self.ln1, self.attn (with .qkv and .proj), self.ln2, self.mlp (with .fc and .proj), in that order.
        raise NotImplementedError("transformer_block: implement it in exercises/transformer_block.py")

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        # TODO: x + attn(ln1(x)), then x + mlp(ln2(x)); causal attention, tanh GELU.
        raise NotImplementedError("transformer_block: implement forward in exercises/transformer_block.py")
