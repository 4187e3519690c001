"""Cross-entropy as -log(clip(softmax, 1e-12, 1 - 1e-12)), the other common way to keep the log finite."""
import numpy as np

EXPECTED_MISTAKE = "log of the softmax"


def cross_entropy(logits, labels):
    e = np.exp(logits - logits.max(axis=1, keepdims=True))
    p = np.clip(e / e.sum(axis=1, keepdims=True), 1e-12, 1 - 1e-12)
    return -np.log(p[np.arange(len(labels)), labels]).mean()
