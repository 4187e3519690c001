"""Not a mutant: the forward's pieces the mutants in this folder reuse."""
import numpy as np


def stats(x, eps, ddof=0):
    inv = 1.0 / np.sqrt(x.var(axis=0, ddof=ddof) + eps)
    return inv, (x - x.mean(axis=0)) * inv
