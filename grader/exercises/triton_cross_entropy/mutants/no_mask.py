"""Blocks loaded without a mask: the last block reads past the row, and past the end of the logits."""
from _base import cross_entropy_kernel, launch

EXPECTED_MISTAKE = "no mask on the last block"


def cross_entropy(logits, target):
    return launch(cross_entropy_kernel, logits, target, MASKED=False)
