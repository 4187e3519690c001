"""Calls F.cross_entropy."""
import torch.nn.functional as F

EXPECTED_MISTAKE = "calls the function it re-implements"


def label_smoothing_cross_entropy(logits, target, label_smoothing=0.0, ignore_index=-100, reduction="mean"):
    return F.cross_entropy(logits, target, ignore_index=ignore_index, reduction=reduction,
                           label_smoothing=label_smoothing)
