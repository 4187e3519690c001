"""Correct: the norm of the per-array norms, np.multiply(..., out=g), a 0-d array returned."""
import numpy as np


def clip_grad_norm(grads, max_norm):
    norms = np.array([np.linalg.norm(g.ravel()) for g in grads], dtype=np.float64)
    total = np.linalg.norm(norms)
    coef = min(max_norm / (total + 1e-6), 1.0)
    for g in grads:
        np.multiply(g, coef, out=g, casting="same_kind")
    return np.asarray(total)
