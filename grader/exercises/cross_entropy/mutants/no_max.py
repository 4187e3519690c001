"""log-sum-exp without the max: exp(1000) overflows."""
import numpy as np

EXPECTED_MISTAKE = "max not subtracted"


def cross_entropy(logits, labels):
    lse = np.log(np.exp(logits).sum(axis=1))
    return (lse - logits[np.arange(len(labels)), labels]).mean()
