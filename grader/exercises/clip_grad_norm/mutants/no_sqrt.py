"""The sum of squares taken as the norm: the square root is missing."""
import numpy as np

EXPECTED_MISTAKE = "square root missing"


def clip_grad_norm(grads, max_norm):
    total = sum(float(np.vdot(g, g)) for g in grads)
    coef = min(max_norm / (total + 1e-6), 1.0)
    for g in grads:
        g *= coef
    return total
