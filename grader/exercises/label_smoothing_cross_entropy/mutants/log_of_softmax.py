"""torch.log(torch.softmax(...)): -inf for classes far below the top logit."""
import torch
from _base import pick, reduce

EXPECTED_MISTAKE = "log of the softmax"


def label_smoothing_cross_entropy(logits, target, label_smoothing=0.0, ignore_index=-100, reduction="mean"):
    logp = torch.log(torch.softmax(logits, 1))
    keep, nll = pick(logp, target, ignore_index)
    loss = (1 - label_smoothing) * nll - label_smoothing * logp.mean(1)
    return reduce(torch.where(keep, loss, torch.zeros_like(loss)), keep, reduction)
