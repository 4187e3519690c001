"""The wrapper calls F.cross_entropy."""
import torch.nn.functional as F

EXPECTED_MISTAKE = "calls the function it re-implements"


def cross_entropy(logits, target):
    return F.cross_entropy(logits, target)
