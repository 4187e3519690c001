"""Puts 1 - eps on the true class and eps/(K-1) on each of the others."""
import torch
from _base import pick, reduce

EXPECTED_MISTAKE = "smoothing spread over the K-1 other classes"


def label_smoothing_cross_entropy(logits, target, label_smoothing=0.0, ignore_index=-100, reduction="mean"):
    logp = logits.log_softmax(1)
    keep, nll = pick(logp, target, ignore_index)
    others = -logp.sum(1) - nll
    loss = (1 - label_smoothing) * nll + label_smoothing / (logp.shape[1] - 1) * others
    return reduce(torch.where(keep, loss, torch.zeros_like(loss)), keep, reduction)
