"""Clips only when the norm exceeds max_norm (right otherwise)."""
import math

import numpy as np

EXPECTED_MISTAKE = "clipped only above max_norm"


def clip_grad_norm(grads, max_norm):
    total = math.sqrt(sum(float(np.vdot(g, g)) for g in grads))
    if total > max_norm:
        for g in grads:
            g *= max_norm / (total + 1e-6)
    return total
