"""Coefficient max_norm / total, guarded against zero by an if."""
import math

import numpy as np

EXPECTED_MISTAKE = "1e-6 missing"


def clip_grad_norm(grads, max_norm):
    total = math.sqrt(sum(float(np.vdot(g, g)) for g in grads))
    if total > max_norm:
        for g in grads:
            g *= max_norm / total
    return total
