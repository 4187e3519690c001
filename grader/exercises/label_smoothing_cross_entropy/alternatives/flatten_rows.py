"""Correct: classes moved last and flattened to (M, C), ignored rows dropped with a boolean index."""
import torch


def label_smoothing_cross_entropy(logits, target, label_smoothing=0.0, ignore_index=-100, reduction="mean"):
    C = logits.shape[0] if logits.dim() == 1 else logits.shape[1]
    rows = logits.reshape(1, C) if logits.dim() == 1 else logits.movedim(1, -1).reshape(-1, C)
    t = target.reshape(-1)
    keep = t != ignore_index
    lse = torch.logsumexp(rows, dim=1)
    true = rows.gather(1, torch.where(keep, t, 0)[:, None])[:, 0]
    per = (1 - label_smoothing) * (lse - true) + label_smoothing * (lse - rows.mean(1))
    per = per * keep
    if reduction == "none":
        return per.reshape(target.shape)
    return per.sum() if reduction == "sum" else per.sum() / keep.sum()
