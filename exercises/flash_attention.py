"""Flash attention's online softmax: attention over key blocks with a running max and sum, in torch."""
from __future__ import annotations

import torch


def flash_attention(query: torch.Tensor, key: torch.Tensor, value: torch.Tensor, is_causal: bool = False,
                    block_size: int = 64) -> torch.Tensor:
    """softmax(query @ key.T / sqrt(E)) @ value, computed one block of keys at a time (FlashAttention).

    The (L, S) score matrix is never built. Keys and values are read in blocks of `block_size`
    consecutive positions (the last block is shorter when block_size does not divide S). For each
    query row the code keeps three running quantities over the blocks seen so far:

        m    the running max of the scores,            (B, H, L, 1), initialised to -inf
        l    the running sum of exp(score - m),        (B, H, L, 1), initialised to 0
        acc  the running sum of exp(score - m) * v,    (B, H, L, Ev), initialised to 0

    and for each block of keys K_j, values V_j:

        s     = query @ K_j.T * scale                  (B, H, L, block) scores of this block
        m_new = max(m, rowmax(s))
        p     = exp(s - m_new)
        l     = l * exp(m - m_new) + rowsum(p)         both running sums are RESCALED to the new max
        acc   = acc * exp(m - m_new) + p @ V_j
        m     = m_new

    and the output is acc / l. Rows are independent, so you may also process the queries in blocks.

    Conventions (those of F.scaled_dot_product_attention):
        - scale = 1 / sqrt(E), E the query/key head size.
        - is_causal=True: query i attends to keys j <= i only, the mask aligned TOP-LEFT as torch's
          is_causal (torch.ones(L, S).tril()), also when L != S. Mask by GLOBAL key index (j0 + the
          position inside the block), not the position inside the block.
        - Fully masked rows: with a top-left causal mask no row is ever fully masked (query i always
          sees key 0; with L > S the last rows see every key), so every row is a proper softmax and
          equals SDPA's. A key block can be fully masked for a query (all its keys in the future): it
          must add nothing (exp(-inf) = 0) and never produce NaN. Blocks wholly in the future of every
          query may be skipped.
        - Scores of any size: with all scores far below 0 (say -1000) or far above, the result is
          still the softmax (that is why m starts at -inf, not 0, and why the max is subtracted).

    Args:
        query: (B, H, L, E); key: (B, H, S, E); value: (B, H, S, Ev). float32 or float64, one device.
        is_causal: top-left causal mask as above.
        block_size: keys per block, >= 1 (it may exceed S, or not divide it).

    Returns:
        (B, H, L, Ev), of query's dtype and device: equal to
        F.scaled_dot_product_attention(query, key, value, is_causal=is_causal).
        Gradients are not checked.

    Rules:
        - Do not modify the inputs.
        - Never allocate a tensor of L*S elements per (batch, head) or more: no full score matrix
          and no full (L, S) mask (build each block's mask from index ranges). The check watches every
          tensor your call creates with L = S = 256, block_size 32, and fails at any one that big.
        - Do not call F.scaled_dot_product_attention, nn.MultiheadAttention or
          F.multi_head_attention_forward, nor torch's private flash-attention and
          memory-efficient-attention kernels: write it from matmuls, exp and max.
        - The speed check times float32 query, key and value (1, 4, 512, 64), is_causal=True,
          block_size 64, against SDPA's math backend on one CPU thread (limit 5x), and
          (4, 16, 2048, 64) with block_size 128 on CUDA (limit 10x): loop over key blocks only,
          never over heads or query rows.
    """
    # TODO: m = -inf, l = 0, acc = 0 per query row; for each key block: scores, causal mask by global
    # index, new max, rescale l and acc by exp(m - m_new), add this block; return acc / l.
    raise NotImplementedError("flash_attention: implement it in exercises/flash_attention.py")
