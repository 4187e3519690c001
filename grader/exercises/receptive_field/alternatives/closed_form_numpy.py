"""Correct: the closed form r = 1 + sum_l d_l (k_l - 1) prod_{i<l} s_i, with NumPy (returns a NumPy integer)."""
import numpy as np


def receptive_field(layers):
    if len(layers) == 0:
        return 1
    padded = np.array([tuple(layer) + (1,) * (3 - len(layer)) for layer in layers], dtype=np.int64)
    k, s, d = padded.T
    jumps = np.concatenate([[1], np.cumprod(s)[:-1]])  # jump below each layer
    return 1 + np.sum(d * (k - 1) * jumps)
