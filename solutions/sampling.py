"""Next-token sampling for language models: temperature, top-k and top-p (nucleus) filtering."""
from __future__ import annotations

import torch


def filter_logits(logits: torch.Tensor, top_k: int | None = None, top_p: float | None = None) -> torch.Tensor:
    """Reference solution: top-k by threshold, then top-p on the sorted, renormalised probabilities."""
    out = logits.clone()
    V = logits.shape[-1]
    if top_k is not None and top_k < V:
        kth = torch.topk(out, top_k, dim=-1).values[..., -1:]  # (B, 1)
        out = out.masked_fill(out < kth, float("-inf"))  # ties with the k-th value stay
    if top_p is not None and top_p < 1.0:
        probs = out.softmax(-1)
        p, idx = torch.sort(probs, dim=-1, descending=True, stable=True)  # (B, V) each
        before = p.cumsum(-1) - p  # (B, V): probability mass ranked above each token
        drop_sorted = before >= top_p
        drop_sorted[..., 0] = False  # always keep the most likely token
        drop = drop_sorted.scatter(-1, idx, drop_sorted)  # back to vocabulary order
        out = out.masked_fill(drop, float("-inf"))
    return out


def sample_next_token(logits: torch.Tensor, temperature: float = 1.0, top_k: int | None = None,
                      top_p: float | None = None, generator: torch.Generator | None = None) -> torch.Tensor:
    """Reference solution: greedy at temperature 0, else scale, filter, softmax, multinomial."""
    if temperature == 0:
        return logits.argmax(-1)  # (B,)
    probs = filter_logits(logits / temperature, top_k, top_p).softmax(-1)  # (B, V)
    return torch.multinomial(probs, 1, generator=generator).squeeze(-1)  # (B, 1) -> (B,)
