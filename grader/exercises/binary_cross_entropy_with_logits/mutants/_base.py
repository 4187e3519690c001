"""Not a mutant: the correct per-element loss the mutants in this folder reuse."""
import numpy as np


def per_element(x, t):
    return np.maximum(x, 0) - x * t + np.log1p(np.exp(-np.abs(x)))
