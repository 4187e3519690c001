"""Clips p to [1e-7, 1 - 1e-7] (the Keras way): no warning, but the loss is capped near 16."""
import numpy as np

EXPECTED_MISTAKE = None  # wrong values for large |x|; no classic variant to name


def binary_cross_entropy_with_logits(logits, targets):
    z = np.exp(-np.abs(logits))
    p = np.clip(np.where(logits >= 0, 1 / (1 + z), z / (1 + z)), 1e-7, 1 - 1e-7)
    return (-targets * np.log(p) - (1 - targets) * np.log(1 - p)).mean()
