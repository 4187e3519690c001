"""The sum of the row losses divided by N * V, the number of logits, not by N."""
from _base import cross_entropy_kernel, launch

EXPECTED_MISTAKE = "mean over the wrong count"


def cross_entropy(logits, target):
    return launch(cross_entropy_kernel, logits, target, reduce=lambda losses: losses.sum() / logits.numel())
