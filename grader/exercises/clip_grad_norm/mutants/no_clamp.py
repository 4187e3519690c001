"""Scales every gradient to norm max_norm, small ones up as well."""
import math

import numpy as np

EXPECTED_MISTAKE = "small gradients scaled up"


def clip_grad_norm(grads, max_norm):
    total = math.sqrt(sum(float(np.vdot(g, g)) for g in grads))
    for g in grads:
        g *= max_norm / (total + 1e-6)
    return total
