"""Correct: an empty tensor filled in place with Bernoulli draws (in place on the NEW tensor only)."""
import torch


def dropout(x, p=0.5, training=True):
    if not training or p == 0:
        return x.clone()
    if p == 1:
        return x * 0
    mask = torch.empty_like(x).bernoulli_(1 - p).div_(1 - p)  # 0 or 1/(1-p)
    return x * mask
