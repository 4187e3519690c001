"""Ignored targets treated as class 0 and counted like the others."""
import torch

EXPECTED_MISTAKE = "ignored targets not masked"


def label_smoothing_cross_entropy(logits, target, label_smoothing=0.0, ignore_index=-100, reduction="mean"):
    logp = logits.log_softmax(1)
    t = torch.where(target == ignore_index, torch.zeros_like(target), target)
    nll = -logp.gather(1, t.unsqueeze(1)).squeeze(1)
    loss = (1 - label_smoothing) * nll - label_smoothing * logp.mean(1)
    if reduction == "none":
        return loss
    return loss.sum() if reduction == "sum" else loss.mean()
