"""Correct: the smoothed target distribution built explicitly with one_hot, moved to the class axis."""
import torch
import torch.nn.functional as F


def label_smoothing_cross_entropy(logits, target, label_smoothing=0.0, ignore_index=-100, reduction="mean"):
    cls = 0 if logits.dim() == 1 else 1
    C = logits.shape[cls]
    keep = target != ignore_index
    q = F.one_hot(torch.where(keep, target, 0), C).to(logits.dtype).movedim(-1, cls)
    q = q * (1 - label_smoothing) + label_smoothing / C
    loss = -(q * torch.log_softmax(logits, cls)).sum(cls) * keep
    if reduction == "none":
        return loss
    return loss.sum() if reduction == "sum" else loss.sum() / keep.sum()
