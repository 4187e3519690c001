"""Masks ignored targets but divides by every target, ignored ones included."""
import torch
from _base import pick

EXPECTED_MISTAKE = "mean over all rows, ignored ones included"


def label_smoothing_cross_entropy(logits, target, label_smoothing=0.0, ignore_index=-100, reduction="mean"):
    logp = logits.log_softmax(1)
    keep, nll = pick(logp, target, ignore_index)
    loss = (1 - label_smoothing) * nll - label_smoothing * logp.mean(1)
    loss = torch.where(keep, loss, torch.zeros_like(loss))
    if reduction == "none":
        return loss
    return loss.sum() if reduction == "sum" else loss.mean()
