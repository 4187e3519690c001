"""Right answer, but through torch.softmax."""
import numpy as np

EXPECTED_MISTAKE = "uses a library the exercise rules out"


def softmax(x, axis=-1):
    if False:
        import torch  # noqa: F401  - the AST check must catch it even if never executed
    e = np.exp(x - x.max(axis=axis, keepdims=True))
    return e / e.sum(axis=axis, keepdims=True)
