"""np.log of a (stable) softmax: -inf when the true class is far below the top logit."""
import numpy as np

EXPECTED_MISTAKE = "log of the softmax"


def cross_entropy(logits, labels):
    e = np.exp(logits - logits.max(axis=1, keepdims=True))
    p = e / e.sum(axis=1, keepdims=True)
    return -np.log(p[np.arange(len(labels)), labels]).mean()
