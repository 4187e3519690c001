"""log-sum-exp without the max: exp(1000) overflows."""
import numpy as np

EXPECTED_MISTAKE = "max not subtracted"


def log_softmax(x, axis=-1):
    return x - np.log(np.exp(x).sum(axis=axis, keepdims=True))
