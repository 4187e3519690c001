"""The probability form with a stable sigmoid: log(0) once sigmoid rounds to 0 or 1."""
import numpy as np

EXPECTED_MISTAKE = "BCE as log(sigmoid)"


def binary_cross_entropy_with_logits(logits, targets):
    z = np.exp(-np.abs(logits))
    p = np.where(logits >= 0, 1 / (1 + z), z / (1 + z))
    return (-targets * np.log(p) - (1 - targets) * np.log(1 - p)).mean()
