"""Correct: one concatenated vector for the norm, slice assignment to write back."""
import numpy as np


def clip_grad_norm(grads, max_norm):
    if not grads:
        return 0.0
    flat = np.concatenate([g.ravel().astype(np.float64) for g in grads])
    total = float(np.sqrt(flat @ flat))
    coef = min(max_norm / (total + 1e-6), 1.0)
    for g in grads:
        g[...] = g * coef
    return total
