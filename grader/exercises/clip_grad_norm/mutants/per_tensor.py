"""Clips each array by its own norm."""
import numpy as np

EXPECTED_MISTAKE = "each array clipped by its own norm"


def clip_grad_norm(grads, max_norm):
    total = 0.0
    for g in grads:
        norm = float(np.linalg.norm(g))
        total += norm * norm
        g *= min(max_norm / (norm + 1e-6), 1.0)
    return total ** 0.5
