"""np.where picks the safe branch, but computes both: exp overflows in the unused one."""
import numpy as np

EXPECTED_MISTAKE = "exp overflow"


def binary_cross_entropy_with_logits(logits, targets):
    x, t = logits, targets
    softplus = np.where(x > 0, x + np.log1p(np.exp(-x)), np.log1p(np.exp(x)))
    return (softplus - x * t).mean()
