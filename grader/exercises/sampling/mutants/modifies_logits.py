"""Filters the caller's logits in place."""
from _base import sample_with

EXPECTED_MISTAKE = "input modified in place"


def filter_logits(logits, top_k=None, top_p=None):
    if top_k is not None and top_k < logits.shape[-1]:
        import torch
        logits[logits < torch.topk(logits, top_k, dim=-1).values[..., -1:]] = float("-inf")
    if top_p is not None and top_p < 1.0:
        import torch
        p, idx = torch.sort(logits.softmax(-1), dim=-1, descending=True, stable=True)
        drop = (p.cumsum(-1) - p) >= top_p
        drop[..., 0] = False
        logits[drop.scatter(-1, idx, drop)] = float("-inf")
    return logits


def sample_next_token(logits, temperature=1.0, top_k=None, top_p=None, generator=None):
    return sample_with(logits, temperature, top_k, top_p, generator)
