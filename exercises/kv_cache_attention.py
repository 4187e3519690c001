"""Causal self-attention with a KV cache, the way an LLM generates: each call sees only the new tokens."""
from __future__ import annotations

import torch
from torch import nn


class CachedCausalSelfAttention(nn.Module):
    """Multi-head causal self-attention (nanoGPT's CausalSelfAttention) that keeps a KV cache.

    Layers (the checks copy weights into them by these names, so keep them exactly):
        self.qkv  = nn.Linear(d_model, 3 * d_model)   # q, k and v of the NEW tokens, one matmul
        self.proj = nn.Linear(d_model, d_model)       # output projection
    Both have biases; they are the module's only parameters; n_heads divides d_model and
    head_dim = d_model // n_heads.

    forward(x, cache=None) -> (out, cache), x of shape (B, T_new, d_model):
        1. q, k, v = self.qkv(x).split(d_model, dim=-1), each split into heads as
           (B, T_new, n_heads, head_dim) then transposed to (B, n_heads, T_new, head_dim)
           (nanoGPT's layout: the last axis of qkv is [q | k | v], each [head 0 | head 1 | ...]).
        2. The cache is None (nothing seen yet) or a tuple (k_past, v_past) of two tensors of
           shape (B, n_heads, T_past, head_dim), like HF's legacy past_key_values entry for one
           layer. Append the new keys and values AFTER the cached ones, along the time axis:
           k = cat([k_past, k_new], dim=2), and the same for v; T = T_past + T_new.
        3. Attention of the new queries over all T keys, scaled by 1 / sqrt(head_dim). New token
           i sits at position T_past + i, so it sees keys 0 .. T_past + i: the causal mask is
           aligned BOTTOM-RIGHT, torch.ones(T_new, T).tril(T_past). (F.scaled_dot_product_attention's
           is_causal=True is aligned top-left and is wrong here as soon as T_past > 0.)
        4. Merge the heads to (B, T_new, d_model) and apply self.proj.
        5. Return (out, (k, v)): out of shape (B, T_new, d_model), and the updated cache, the
           tuple (k, v) of shape (B, n_heads, T, head_dim), to be passed to the next call.

    So feeding a sequence in pieces, each call with the cache the previous call returned,
    gives the same outputs as one call on the whole sequence with cache=None, whatever the
    pieces (token by token, or uneven chunks). The checks compare both with causal attention
    computed in float64 from your qkv and proj weights, and they also hand your module a cache
    they built themselves, in the format above.

    This module has no positional component (no RoPE, no position embedding): the only thing
    that knows where the new tokens sit is T_past, through the mask and the cache.

    Rules:
        - self.qkv must see only the new tokens: a forward hook on it counts B * T_new rows
          per call. Do not keep the past inputs and run them through qkv again; the cache
          exists so that nothing is recomputed.
        - Do not modify x or the cache's tensors in place (torch.cat makes new ones).
        - Do not use nn.MultiheadAttention or F.multi_head_attention_forward.
          F.scaled_dot_product_attention is allowed, with the right mask.
        - Create every new tensor (masks) on x's device.
        - The speed check times one call without gradients on float32 x (4, 32, 256) with
          8 heads and a cache of 480 tokens, against the same steps written with
          F.scaled_dot_product_attention in the checks, on one CPU thread (limit 5x), and
          x (8, 32, 2048) with 16 heads and a cache of 4064 tokens on CUDA (limit 5x):
          no Python loop over heads or tokens.
    """

    def __init__(self, d_model: int, n_heads: int) -> None:
        super().__init__()
        # TODO: store n_heads and head_dim; create self.qkv and self.proj as described above.
        raise NotImplementedError("kv_cache_attention: implement it in exercises/kv_cache_attention.py")

    def forward(self, x: torch.Tensor, cache: tuple[torch.Tensor, torch.Tensor] | None = None
                ) -> tuple[torch.Tensor, tuple[torch.Tensor, torch.Tensor]]:
        # TODO: qkv of the new tokens -> heads -> append to the cache -> bottom-right causal attention
        #       -> merge heads -> proj; return (out, (k, v)).
        raise NotImplementedError("kv_cache_attention: implement forward in exercises/kv_cache_attention.py")
