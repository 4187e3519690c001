"""Cross-entropy as -log(softmax + 1e-9): finite where the bare log gives -inf, so no warning names it;
the variant with the epsilon must reproduce it instead."""
import numpy as np

EXPECTED_MISTAKE = "log of the softmax"


def cross_entropy(logits, labels):
    z = logits - logits.max(axis=1, keepdims=True)
    p = np.exp(z) / np.exp(z).sum(axis=1, keepdims=True)
    picked = p[np.arange(len(labels)), labels]  # (N,)
    return -np.log(picked + 1e-9).mean()
