"""The probability form with the textbook sigmoid: exp(1000) overflows."""
import numpy as np

EXPECTED_MISTAKE = "exp overflow"


def binary_cross_entropy_with_logits(logits, targets):
    p = 1 / (1 + np.exp(-logits))
    return (-targets * np.log(p) - (1 - targets) * np.log(1 - p)).mean()
