"""Right values from NumPy: no gradient reaches the logits."""
import torch
from _base import pick, reduce

EXPECTED_MISTAKE = "computed outside autograd"


def label_smoothing_cross_entropy(logits, target, label_smoothing=0.0, ignore_index=-100, reduction="mean"):
    x = torch.from_numpy(logits.detach().cpu().numpy()).to(logits.device)
    logp = x.log_softmax(1)
    keep, nll = pick(logp, target, ignore_index)
    loss = (1 - label_smoothing) * nll - label_smoothing * logp.mean(1)
    return reduce(torch.where(keep, loss, torch.zeros_like(loss)), keep, reduction)
