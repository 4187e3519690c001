"""The global norm as the sum of the per-array norms."""
import numpy as np

EXPECTED_MISTAKE = "sum of the per-array norms"


def clip_grad_norm(grads, max_norm):
    total = sum(float(np.linalg.norm(g)) for g in grads)
    coef = min(max_norm / (total + 1e-6), 1.0)
    for g in grads:
        g *= coef
    return total
