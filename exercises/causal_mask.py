"""The causal (look-ahead) mask of decoder self-attention, in F.scaled_dot_product_attention's convention."""
from __future__ import annotations

import torch


def causal_mask(L: int, S: int | None = None, device: torch.device | str | None = None) -> torch.Tensor:
    """Build the boolean mask that lets query i attend only to keys j <= i.

        mask[i, j] = True   if j <= i   (key j is the query's own position or in its past)
                     False  otherwise   (key j is in the future: hidden)

    This is the boolean attn_mask convention of F.scaled_dot_product_attention
    (True = MAY attend), so that

        F.scaled_dot_product_attention(q, k, v, attn_mask=causal_mask(L, S))
        == F.scaled_dot_product_attention(q, k, v, is_causal=True)

    including when L != S: like torch, the mask is aligned TOP-LEFT (mask[i, j] = j <= i
    whatever S is), so with L < S the last S - L keys are hidden from every query, and with
    L > S the rows i >= S - 1 see every key. The diagonal is allowed: a token sees itself.

    Example, causal_mask(3, 5):
        [[ True, False, False, False, False],
         [ True,  True, False, False, False],
         [ True,  True,  True, False, False]]

    Args:
        L: number of queries (rows), >= 1.
        S: number of keys (columns), >= 1; None means S = L.
        device: where to create the mask (None = the CPU, or "cpu", "cuda",
            torch.device(...)). Create it there directly rather than moving it afterwards.

    Returns:
        A torch.bool tensor of shape (L, S) on `device`.

    Rules:
        - The speed check times L=8192, S=64 against torch.ones(L, S, dtype=torch.bool).tril()
          on one CPU thread (limit 6x; on CUDA, where a GPU is present, L=S=16384, limit 10x):
          torch.tril/triu or comparing two aranges are fast; a Python loop over rows is not.
    """
    # TODO: True where the key position j is <= the query position i; shape (L, S), bool, on device.
    raise NotImplementedError("causal_mask: implement it in exercises/causal_mask.py")
