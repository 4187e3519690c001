"""Not a mutant: the correct stable log-softmax the mutants in this folder reuse."""
import numpy as np


def log_softmax(x, axis=1):
    z = x - x.max(axis=axis, keepdims=True)
    return z - np.log(np.exp(z).sum(axis=axis, keepdims=True))
