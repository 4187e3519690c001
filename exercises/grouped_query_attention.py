"""Grouped-query attention (GQA; MQA when Hkv = 1), like F.scaled_dot_product_attention(enable_gqa=True)."""
from __future__ import annotations

import torch


def grouped_query_attention(query: torch.Tensor, key: torch.Tensor, value: torch.Tensor, is_causal: bool = False,
                            scale: float | None = None) -> torch.Tensor:
    """Attention where Hq query heads share Hkv key/value heads (LLaMA-2/3, Mistral; MQA when Hkv = 1).

    With G = Hq // Hkv, query head h uses key/value head h // G: CONSECUTIVE query heads form a
    group (heads 0..G-1 share kv head 0, and so on), as torch.repeat_interleave(G, dim=1) and
    HF's repeat_kv arrange them. For each batch b and query head h:

        scores = query[b, h] @ key[b, h // G].T * scale          (L, S)
        out[b, h] = softmax(scores, over the last axis S) @ value[b, h // G]

    scale defaults to 1 / sqrt(E). With is_causal=True, query i attends to keys j <= i only:
    the mask is torch.ones(L, S).tril(), aligned TOP-LEFT like torch's is_causal, also when
    L != S (with L > S the last rows see every key; no row is ever fully masked).

    Same result as F.scaled_dot_product_attention(query, key, value, is_causal=is_causal,
    scale=scale, enable_gqa=True).

    Args:
        query: (B, Hq, L, E); key: (B, Hkv, S, E); value: (B, Hkv, S, Ev); Hq divisible by Hkv.
            float32 or float64, all on one device.
        is_causal: top-left causal mask as above.
        scale: multiplies the scores; None means 1 / sqrt(E).

    Returns:
        (B, Hq, L, Ev), of query's dtype and device; gradients flow to query, key and value.

    Rules:
        - Do not modify the inputs.
        - Do not call F.scaled_dot_product_attention, nn.MultiheadAttention or
          F.multi_head_attention_forward, nor torch's private flash-attention and
          memory-efficient-attention kernels: write it from matmuls and a softmax.
        - The speed check times float32 query (2, 8, 128, 32) with key/value (2, 2, 128, 32),
          is_causal=True, against SDPA on one CPU thread (limit 20x), and query
          (8, 32, 1024, 128) with key/value (8, 8, 1024, 128) on CUDA (limit 20x): no Python
          loop over heads or queries.
    """
    # TODO: match each query head to its kv head (h // G), then scaled scores, causal mask, softmax, @ value.
    raise NotImplementedError("grouped_query_attention: implement it in exercises/grouped_query_attention.py")
