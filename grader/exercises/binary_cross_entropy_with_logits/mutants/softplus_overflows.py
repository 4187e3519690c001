"""log(1 + exp(x)) - x*t: right algebra, but exp(1000) overflows."""
import numpy as np

EXPECTED_MISTAKE = "exp overflow"


def binary_cross_entropy_with_logits(logits, targets):
    return (np.log1p(np.exp(logits)) - logits * targets).mean()
