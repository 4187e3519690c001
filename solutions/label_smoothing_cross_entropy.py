"""Cross-entropy with label smoothing and ignore_index in PyTorch, like F.cross_entropy."""
from __future__ import annotations

import torch


def label_smoothing_cross_entropy(logits: torch.Tensor, target: torch.Tensor, label_smoothing: float = 0.0,
                                  ignore_index: int = -100, reduction: str = "mean") -> torch.Tensor:
    """Reference solution: stable log-softmax, (1 - eps) * NLL + eps * mean over classes of -log p."""
    unbatched = logits.dim() == 1
    if unbatched:
        logits, target = logits[None], target[None]  # (1, C), (1,)
    logp = logits - logits.logsumexp(1, keepdim=True)  # (N, C, *d)
    keep = target != ignore_index  # (N, *d)
    t = torch.where(keep, target, torch.zeros_like(target))  # ignored read as class 0, masked below
    nll = -logp.gather(1, t.unsqueeze(1)).squeeze(1)  # (N, *d)
    smooth = -logp.mean(1)  # (N, *d): eps/C on every class
    loss = torch.where(keep, (1 - label_smoothing) * nll + label_smoothing * smooth, torch.zeros_like(nll))
    if unbatched:
        loss, keep = loss[0], keep[0]  # ()
    if reduction == "none":
        return loss
    if reduction == "sum":
        return loss.sum()
    return loss.sum() / keep.sum()  # nan when every target is ignored, like torch
