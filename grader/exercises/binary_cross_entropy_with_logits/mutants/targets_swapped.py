"""Uses 1 - t where t belongs."""
from _base import per_element

EXPECTED_MISTAKE = "targets swapped"


def binary_cross_entropy_with_logits(logits, targets):
    return per_element(logits, 1 - targets).mean()
