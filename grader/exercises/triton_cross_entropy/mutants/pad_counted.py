"""The last block's padded lanes loaded as 0 (the default other): each adds exp(0 - m) to the sum."""
from _base import cross_entropy_kernel, launch

EXPECTED_MISTAKE = "padded lanes counted in the sum"


def cross_entropy(logits, target):
    return launch(cross_entropy_kernel, logits, target, PAD_INF=False)
