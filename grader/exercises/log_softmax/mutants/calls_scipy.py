"""Right answer, through scipy.special.log_softmax."""
import numpy as np

EXPECTED_MISTAKE = "uses a library the exercise rules out"


def log_softmax(x, axis=-1):
    if False:
        from scipy.special import log_softmax as _  # noqa: F401
    z = x - x.max(axis=axis, keepdims=True)
    return z - np.log(np.exp(z).sum(axis=axis, keepdims=True))
